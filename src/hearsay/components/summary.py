"""Stage `hearsay_summary`: the sourcing verdict and the warnings a fact-checker wants first.

"12 of 13 attributed claims rest on anonymous or unnamed sources; 10 on one anonymous voice via
Life & Style" — counted from the claims and their sources, never from the wording of one story.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import NOT_ENGLISH
from ..extensions import get_list
from ..source_kinds import UNNAMED_KINDS, kind_table
from ._internals.doc_text import doc_text

UNNAMED = UNNAMED_KINDS
#: below this share of English function words in a text of at least ENGLISH_MIN_WORDS words,
#: the text is probably not English and the ledger says so
ENGLISH_MIN_STOP_SHARE = 0.2
ENGLISH_MIN_WORDS = 12
WORD = re.compile(r"[^\W\d_]{3,}")
HEADLINE_MATCH = 0.3
KIND_PHRASES = kind_table("phrase")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _voice(source: dict, by_id: dict) -> str:
    via = by_id.get(source.get("via")) if source.get("via") else None
    return f"“{source['label']}”" + (f" via {via['label']}" if via else "")


def headline_claim(claims: list[dict], text: str, title: str | None) -> dict | None:
    """The claim the headline makes: the headline's own claim when it names a source, else the
    body claim sharing most of the headline's words."""
    if not title or not claims:
        return None
    in_text = text.lstrip().startswith(title.strip())
    head_end = text.find(title.strip()) + len(title.strip()) if in_text else -1
    head = [c for c in claims if c["end"] <= head_end]
    if any(c.get("attribution") for c in head):
        return next(c for c in head if c.get("attribution"))
    words = {w.lower() for w in WORD.findall(title)}
    if not words:
        return None
    best, score = None, 0.0
    for c in claims:
        if c["end"] <= head_end:
            continue
        cw = {w.lower() for w in WORD.findall(text[c["start"] : c["end"]])}
        overlap = len(words & cw) / len(words)
        if overlap > score:
            best, score = c, overlap
    return best if score >= HEADLINE_MATCH else None


def english_share(doc: Doc) -> tuple[int, float]:
    """Alphabetic words in the text and the share of them that are English function words
    (counted from the token flags as one array, not a Token object per word)."""
    if not len(doc):
        return 0, 1.0
    flags = doc.to_array([IS_ALPHA, IS_STOP]).astype(bool)
    words = int(flags[:, 0].sum())
    if not words:
        return 0, 1.0
    return words, int((flags[:, 0] & flags[:, 1]).sum()) / words


def language_warning(doc: Doc) -> str | None:
    n, share = english_share(doc)
    if n >= ENGLISH_MIN_WORDS and share < ENGLISH_MIN_STOP_SHARE:
        return NOT_ENGLISH.format(why=f"only {share:.0%} of its words are common English words")
    return None


def _agree(n: int, singular: str, plural: str) -> str:
    return singular if n == 1 else plural


def reading_of(source: dict | None) -> str:
    """What a claim rests on, for the verdict: a named source, an anonymous or unnamed one, an
    unnamed representative speaking on the record for someone, or a speaker the text never
    names ("he said" with no one to resolve it to)."""
    if source is None:
        return "author"
    if source.get("represents"):
        return "representative"
    if source.get("unresolved"):
        return "unresolved"
    if source["kind"] in UNNAMED:
        return "unnamed"
    return "named"


def verdict_line(claims: list[dict], attributed: list[dict], by_id: dict, per_source: Counter) -> str:
    """The one-line sourcing verdict, with number agreement and the readings a kind alone
    would misstate (representatives are not anonymous; an unresolved "he" is not named)."""
    n_att = len(attributed)
    if not n_att:
        if not claims:
            return "No claims found."
        if len(claims) == 1:
            return "The one claim is not attributed: it is the author's own statement."
        return f"None of the {len(claims)} claims is attributed: all are the author's own statements."
    readings = Counter(reading_of(by_id.get(c["source"])) for c in attributed)
    others = []
    reps = Counter(by_id[c["source"]]["represents"]["label"] for c in attributed if reading_of(by_id.get(c["source"])) == "representative")
    for label, n in reps.items():
        others.append(f"{n} on an unnamed representative of {label}")
    if readings["unresolved"]:
        n = readings["unresolved"]
        others.append(f"{n} on {_agree(n, 'an unresolved speaker', 'unresolved speakers')}")
    unnamed = readings["unnamed"]
    if not unnamed:
        named = len({c["source"] for c in attributed if reading_of(by_id.get(c["source"])) == "named"})
        if not others:
            if n_att == 1:
                return "The one attributed claim rests on a named source."
            return f"All {n_att} attributed claims rest on named sources ({_plural(named, 'source')})."
        parts = ([f"{readings['named']} on {_agree(readings['named'], 'a named source', 'named sources')}"] if readings["named"] else []) + others
        return f"Of {_plural(n_att, 'attributed claim')}, none rests on an anonymous source: " + "; ".join(parts) + "."
    verdict = f"{unnamed} of {_plural(n_att, 'attributed claim')} {_agree(unnamed, 'rests', 'rest')} on anonymous or unnamed sources"
    top_id, top_n = per_source.most_common(1)[0]
    if by_id.get(top_id, {}).get("kind") == "anonymous" and reading_of(by_id[top_id]) == "unnamed" and top_n > 1:
        verdict += f"; {top_n} on one anonymous voice, {_voice(by_id[top_id], by_id)}"
    return verdict + "".join(f"; {o}" for o in others) + "."


def summarize(doc: Doc) -> dict:
    claims = get_list(doc, "hearsay_claims")
    sources = get_list(doc, "hearsay_sources")
    attributions = get_list(doc, "hearsay_attributions")
    by_id = {s["id"]: s for s in sources}
    kind_of = {s["id"]: s["kind"] for s in sources}

    by_kind = Counter(kind_of.get(c["source"], "author") for c in claims)
    attributed = [c for c in claims if c.get("attribution")]
    per_source = Counter(c["source"] for c in attributed)
    anonymous = [s for s in sources if s["kind"] == "anonymous" and per_source[s["id"]]]

    # each warning with the claims it concerns, so every view can point at them
    notes: list[tuple[str, list[str]]] = [(w, []) for w in (language_warning(doc),) if w]
    n_att = len(attributed)
    verdict = verdict_line(claims, attributed, by_id, per_source)
    for sid, n in per_source.most_common():
        if kind_of.get(sid) == "anonymous" and reading_of(by_id[sid]) == "unnamed" and n * 2 >= n_att and n > 1:
            notes.append(
                (
                    f"{n} of {n_att} attributed claims come from one anonymous source, {_voice(by_id[sid], by_id)}",
                    [c["id"] for c in attributed if c["source"] == sid],
                )
            )

    meta = doc._.hearsay_meta or {}
    head = headline_claim(claims, doc_text(doc), meta.get("title"))
    if head is not None and kind_of.get(head["source"]) in UNNAMED and reading_of(by_id.get(head["source"])) == "unnamed":
        notes.append((f"the headline claim rests on {KIND_PHRASES[kind_of[head['source']]]}", [head["id"]]))

    by_att = {a["id"]: a for a in attributions}
    text = doc_text(doc)
    # claim ids by what they are disputed by and by source, grouped once (not a scan per note)
    disputed_by: dict[str, list[str]] = {}
    by_source: dict[str, list[str]] = {}
    for d in claims:
        for att_id in dict.fromkeys(d.get("disputed_by", [])):
            disputed_by.setdefault(att_id, []).append(d["id"])
        by_source.setdefault(d["source"], []).append(d["id"])
    for c in attributed:
        att = by_att.get(c["attribution"], {})
        if att.get("polarity") == "denied":
            denied = disputed_by.get(c["attribution"], [])
            notes.append(
                (
                    f"{by_id.get(c['source'], {}).get('label', 'a source')} denies: “{_clip(text[c['start']:c['end']])}”",
                    [c["id"]] + denied,
                )
            )
    for n in get_list(doc, "hearsay_no_comment"):
        label = by_id.get(n["source"], {}).get("label", "a source")
        what = "declined to comment" if n["kind"] == "declined" else "did not respond to a request for comment"
        notes.append((f"{label} {what}", list(by_source.get(n["source"], []))))
    alleged = [c["id"] for c in claims if any(h["kind"] == "allegation" for h in c.get("hedges", []))]
    if alleged:
        notes.append((f"{_plural(len(alleged), 'claim')} {_agree(len(alleged), 'rests', 'rest')} on allegations", alleged))
    return {
        "claims": len(claims),
        "attributed": n_att,
        "by_source_kind": dict(sorted(by_kind.items())),
        "anonymous_sources": len(anonymous),
        "warnings": [w for w, _ in notes],
        "warning_claims": [ids for _, ids in notes],
        "verdict": verdict,
    }


def _clip(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@Language.factory(
    "hearsay_summary",
    requires=["doc._.hearsay_claims", "doc._.hearsay_sources", "doc._.hearsay_attributions", "doc._.hearsay_no_comment"],
    assigns=["doc._.hearsay_summary"],
)
def make_hearsay_summary(nlp: Language, name: str):
    return HearsaySummary()


class HearsaySummary:
    def __call__(self, doc: Doc) -> Doc:
        doc._.hearsay_summary = summarize(doc)
        return doc
