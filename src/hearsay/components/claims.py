"""Stage `hearsay_claims`: every statement of the article becomes a claim.

A claim is either the content of an attribution (credited to its source) or a piece of narration
(credited to the author): what is left of a sentence once attributed content and its frame
("…, a source tells Life & Style exclusively") are taken out. Credit lines ("Getty Images") and
fragments without a statement are not claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import ClaimRec, get_list
from ..lexicon import LexiconLoader
from ._internals.doc_text import doc_text
from ._internals.syntax import Sentences
from .denials import link_denials
from .hedging import hedges_for_cue

AUTHOR = {"kind": "author", "label": "the author", "entity": None, "mentions": [], "via": None}
TRIM = " \t\r\n,;:—–-\"'“”‘’()[]"
WORD = re.compile(r"[^\W\d_]{2,}")


def frame_of(att: dict) -> tuple[int, int]:
    """The stretch of text an attribution occupies: its content, cue and source words."""
    parts = [att["content"]] + [att[k] for k in ("cue", "source_mention") if att.get(k)]
    return min(p["start"] for p in parts), max(p["end"] for p in parts)


def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint union of intervals."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _subtract(start: int, end: int, covered: list[tuple[int, int]], ends: list[int]) -> list[tuple[int, int]]:
    """[start, end) minus the merged ``covered`` intervals (``ends`` = their end offsets)."""
    pieces, cur = [], start
    for s, e in covered[bisect_right(ends, start) :]:
        if s >= end:
            break
        if s > cur:
            pieces.append((cur, s))
        cur = max(cur, e)
    if cur < end:
        pieces.append((cur, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    # keep a final full stop, question or exclamation mark with its statement
    if end < len(text) and text[end : end + 1] in ".?!" and end > start:
        end += 1
    return start, end


def is_credit_line(line: str, lexicon: dict) -> bool:
    low = " ".join(line.lower().split()).rstrip(".")
    if not low:
        return False
    if low in lexicon.get("credit_phrases", []):
        return True
    if len(low.split()) <= 8 and any(low.startswith(p) for p in lexicon.get("credit_prefixes", [])):
        return True
    # "Getty Images for Tribeca", "Photo: Jane Doe/AP": short, verbless, names a credit agency
    return len(low.split()) <= 6 and any(p in low for p in lexicon.get("credit_phrases", []) if len(p) > 4) and "/" in low


def _has_statement(sent, starts: list[int], text: str, start: int, end: int, min_words: int) -> bool:
    """Enough words and a verb among the sentence's tokens that start inside [start, end)."""
    if len(WORD.findall(text[start:end])) < min_words:
        return False
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return any(sent[i].pos_ in ("VERB", "AUX") for i in range(lo, hi))


def narration_pieces(
    doc: Doc, attributions: list[dict], lexicon: dict, no_comment: list[dict] = ()
) -> list[tuple[int, int]]:
    """Stretches of narration: sentence parts outside every attribution frame and every
    "declined to comment", split at paragraph breaks, keeping only pieces that state something."""
    text = doc_text(doc)
    covered = merge([frame_of(a) for a in attributions] + [(n["cue"]["start"], n["cue"]["end"]) for n in no_comment])
    ends = [e for _, e in covered]
    min_words = int(lexicon.get("min_words", 3))
    pieces = []
    idxs = None   # every token's start (Doc.to_array: no Token object per word), read when first needed
    for sent in doc.sents:
        starts = None
        for s, e in _subtract(sent.start_char, sent.end_char, covered, ends):
            for m in re.finditer(r"[^\n]+", text[s:e]):
                ps, pe = _trim(text, s + m.start(), s + m.end())
                if pe <= ps or is_credit_line(text[ps:pe], lexicon):
                    continue
                if starts is None:
                    if idxs is None:
                        idxs = doc.to_array(IDX).tolist()
                    starts = idxs[sent.start:sent.end]
                if _has_statement(sent, starts, text, ps, pe, min_words):
                    pieces.append((ps, pe))
    return pieces


def _inside(offsets: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> list[str]:
    lo, hi = bisect_left(starts, start), bisect_right(starts, end)
    return [i for s, e, i in offsets[lo:hi] if e <= end]


def find_claims(doc: Doc, lexicon: dict, hedge_lexicon: dict) -> tuple[list[ClaimRec], dict | None]:
    """Claims in text order; returns them and the author source record when one had to be added."""
    sources = get_list(doc, "hearsay_sources")
    attributions = get_list(doc, "hearsay_attributions")
    hedges = sorted(get_list(doc, "hearsay_hedges"), key=lambda h: h["start"])
    times = sorted(((t["start"], t["end"], t["id"]) for t in get_list(doc, "hearsay_times")))
    mentions = sorted(
        (m["start"], m["end"], e["id"]) for e in get_list(doc, "hearsay_entities") for m in e.get("mentions", [])
    )
    time_starts = [t[0] for t in times]
    mention_starts = [m[0] for m in mentions]
    hedge_starts = [h["start"] for h in hedges]

    author = next((s for s in sources if s["kind"] == "author"), None)
    added = None
    if author is None:
        used = {int(s["id"][1:]) for s in sources if s["id"][1:].isdigit()}
        added = author = dict(AUTHOR, id=f"S{max(used, default=0) + 1}")

    kinds = {s["id"]: s["kind"] for s in sources}
    token_starts = doc.to_array(IDX).tolist() if attributions and len(doc) else []
    sents = Sentences(doc) if token_starts else None
    raw = []
    for att in attributions:
        c = att["content"]
        fs, fe = frame_of(att)
        if att.get("cue") and token_starts:
            # the frame's own sentence dates the report: "Just days later, reports broke that …"
            cue_tok = max(0, bisect_right(token_starts, att["cue"]["start"]) - 1)
            fs = min(fs, token_starts[sents.of(cue_tok)[0]])
        extra = hedges_for_cue(att.get("cue_class"), att.get("cue"), hedge_lexicon, kinds.get(att["source"]))
        # times in the frame ("Just days later, reports broke that …") date the report itself
        raw.append((c["start"], c["end"], att["source"], att["id"], extra, (fs, fe)))
    for s, e in narration_pieces(doc, attributions, lexicon, get_list(doc, "hearsay_no_comment")):
        raw.append((s, e, author["id"], None, [], (s, e)))
    raw.sort(key=lambda r: (r[0], -r[1]))

    claims: list[ClaimRec] = []
    for n, (s, e, source, att_id, extra, (fs, fe)) in enumerate(raw, 1):
        lo, hi = bisect_left(hedge_starts, s), bisect_right(hedge_starts, e)
        inside = [dict(h) for h in hedges[lo:hi] if h["end"] <= e]
        claim_hedges = sorted(extra + [h for h in inside if (h["start"], h["end"]) not in {(x["start"], x["end"]) for x in extra}], key=lambda h: h["start"])
        claims.append(
            {
                "id": f"C{n}",
                "start": s,
                "end": e,
                "source": source,
                "attribution": att_id,
                "hedges": claim_hedges,
                "entities": list(dict.fromkeys(_inside(mentions, mention_starts, s, e))),
                "times": list(dict.fromkeys(_inside(times, time_starts, min(s, fs), max(e, fe)))),
            }
        )
    return claims, added


@Language.factory(
    "hearsay_claims",
    requires=["doc._.hearsay_attributions", "doc._.hearsay_sources", "doc._.hearsay_no_comment", "doc._.hearsay_hedges",
              "doc._.hearsay_times", "doc._.hearsay_entities"],
    assigns=["doc._.hearsay_claims"],
    default_config={"lexicons": {"@misc": "hearsay.lexicon.v1"}},
)
def make_hearsay_claims(nlp: Language, name: str, lexicons: LexiconLoader):
    return HearsayClaims(lexicons("claims"), lexicons("hedges"), lexicons("denials"))


class HearsayClaims:
    def __init__(self, lexicon: dict, hedge_lexicon: dict, denial_lexicon: dict):
        self.lexicon = lexicon
        self.hedge_lexicon = hedge_lexicon
        self.denial_lexicon = denial_lexicon

    def __call__(self, doc: Doc) -> Doc:
        claims, added = find_claims(doc, self.lexicon, self.hedge_lexicon)
        if added is not None:
            doc._.hearsay_sources = get_list(doc, "hearsay_sources") + [added]
        # a denial is linked to the claims it answers once every claim exists
        link_denials(doc, claims, get_list(doc, "hearsay_attributions"), get_list(doc, "hearsay_sources"), self.denial_lexicon)
        doc._.hearsay_claims = claims
        return doc
