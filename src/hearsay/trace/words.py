"""The trace's word lists and the plain-text helpers every trace stage shares.

The trace works on ledgers and article text only and must not import spaCy (DESIGN.md), so
it reads its lexicon file directly rather than through the spaCy-registered loader, and it
tokenizes with a small regular expression plus a suffix-stripping stemmer: enough to match
"fielding calls" with "taking calls", and cheap enough to run over a million articles.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..errors import HearsayError
from ..lexicon_schemas import problems

#: typographic glyphs folded to ASCII so that partner copies with straight quotes still match.
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_WORD = re.compile(r"n't|[a-z0-9]+(?:[.,][0-9]+)*", re.I)


def _read_lexicon(name: str) -> dict:
    """``lexicons/en/<name>.json`` parsed and checked against its schema: the same checks as the
    spaCy-registered loader (``hearsay.lexicon``), without importing spaCy."""
    path = resources.files("hearsay") / "lexicons" / "en" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise HearsayError(f"lexicon en/{name}.json cannot be read: {exc}") from exc
    wrong = problems(name, data) if isinstance(data, dict) else ["expected a JSON object of named lists"]
    if wrong:
        raise HearsayError(f"lexicon en/{name}.json: " + "; ".join(wrong))
    data.pop("_comment", None)
    return data


@lru_cache(maxsize=None)
def lexicon() -> dict:
    """``lexicons/en/trace.json``, parsed once; values of list type become frozensets."""
    data = _read_lexicon("trace")
    groups = data.pop("synonyms", [])
    irregular = data.pop("irregular_forms", {})
    nominal = data.pop("nominalizations", {})
    light_phrases = data.pop("light_verb_phrases", {})
    out = {k: frozenset(w.lower() for w in v) if isinstance(v, list) else v for k, v in data.items()}
    out["synonyms"] = {stem(w.lower()): stem(group[0].lower()) for group in groups for w in group}
    # a noun naming a verb's act is read as the verb ("the sale" as "sell"), through the verb's
    # synonym group when it has one
    same = out["synonyms"]
    for verb, nouns in nominal.items():
        head = same.get(stem(verb.lower()), stem(verb.lower()))
        for noun in nouns:
            same.setdefault(stem(noun.lower()), head)
    #: the stems of nouns that name an act, for finding back-references to one ("the request")
    out["event_nouns"] = frozenset(stem(n.lower()) for nouns in nominal.values() for n in nouns)
    # irregular verb forms the suffix stripper cannot reach ("spoken", "begun", "told"), mapped to
    # the stem of their base form so that tenses and participles meet
    out["irregular"] = {form.lower(): stem(base.lower()) for base, forms in irregular.items() for form in forms}
    # a light verb and its object noun read as the words they stand for: {verb stem: {noun
    # stem: replacement words}}; the noun is looked up through its synonym group, so "lose
    # their positions" is read like "lose their jobs"
    light: dict[str, dict[str, tuple[str, ...]]] = {}
    # (the stemmer leaves short words whole, so "lose" and "losing", "job" and "jobs" part:
    # each is keyed under both of its forms)
    for phrase, plain in light_phrases.items():
        verb, noun = phrase.lower().split()
        for verb_form in {stem(verb), stem(verb + "s"), stem(verb.removesuffix("e") + "ing")}:
            for noun_form in {stem(noun), stem(noun + "s")}:
                light.setdefault(verb_form, {})[same.get(noun_form, noun_form)] = tuple(plain.lower().split())
    out["light_verbs"] = light
    out["scale_values"] = {w: float(v) for w, v in data["number_scales"].items()}
    out["vague_ranges"] = {stem(w): (float(lo), float(hi)) for w, (lo, hi) in data["vague_quantities"].items()}
    return out


@lru_cache(maxsize=None)
def calendar_words() -> frozenset[str]:
    """Month and weekday names (``lexicons/en/time.json``, read directly like ``lexicon``):
    capitalised, but when a claim happens ("close by June"), not whom it is about."""
    data = _read_lexicon("time")
    return frozenset(w.lower() for w in list(data["month_names"]) + [w for w in data["weekdays"] if len(w) > 3])


def fold(text: str) -> str:
    """Text with quote and dash glyphs folded to ASCII (same length, so offsets survive)."""
    return text.translate(_FOLD)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; "haven't" gives "haven" and "n't"."""
    return [m.group(0).lower() for m in _WORD.finditer(fold(text).replace("n't", " n't"))]


def stem(word: str) -> str:
    """A crude English suffix stripper: "fielding"/"fielded"/"fields" → "field", and a final
    silent "e" goes too, so "close", "closes" and "closing" meet at "clos"."""
    if word[0].isdigit():
        return word
    if len(word) <= 4:
        # a short word loses only its silent "e", as its longer forms do ("move"/"moving" → "mov")
        return word[:-1] if len(word) >= 3 and word.endswith("e") and not word.endswith("ee") else word
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if suffix == "s" and word.endswith("ss"):
            break  # "discuss", "process": no plural to strip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" → "stop"
            return base
    return word[:-1] if word.endswith("e") else word


#: a web address ("https://t.co/…", "pic.twitter.com/…"): no claim content, only noise
_URL = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+|\b[\w.-]+\.(?:com|org|net|gov|edu)/\S*")
#: a hashtag or handle, whose words are written together ("#AustralianFires", "@CenterForBioDiv")
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[0-9])(?=[A-Za-z])")


def social_plain(text: str) -> str:
    """Text with web addresses dropped and hashtags and handles parted into their words
    ("#AustralianFires" → "Australian Fires"), so that a post matches the claim it repeats.
    (Dropping the addresses and parting the tags raised CLEF 2020 dev BM25 MAP@5 from 0.784 to
    0.813; the words of a handle are kept, they often name whom the claim is about.)"""
    if "#" not in text and "@" not in text and "/" not in text:
        return text
    text = _URL.sub(" ", text)
    return _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)).replace("_", " "), text)


#: how many function words may stand between a light verb and its object ("said a word",
#: "lose their jobs")
LIGHT_VERB_GAP = 2


def content_terms(text: str) -> list[str]:
    """Stemmed content words of a span: what claim matching compares. A spelled-out number is
    read as its digits, and a light verb with its object noun as the plain words it stands for
    ("haven't said a word" as "speak"), so that the idiom meets the plain telling."""
    lex = lexicon()
    stop, same, irregular, light, numbers = (lex["stopwords"], lex["synonyms"], lex["irregular"],
                                             lex["light_verbs"], lex["number_words"])
    ws = read_numbers(words(social_plain(text)))
    bases = [irregular.get(w) or stem(w) for w in ws]
    out: list[str] = []
    taken: set[int] = set()
    for n, w in enumerate(ws):
        if n in taken:
            continue
        objects = light.get(bases[n])
        if objects:
            obj = _light_object(ws, bases, n, objects, stop, same)
            if obj is not None:
                taken.add(obj)
                for plain in objects[same.get(bases[obj], bases[obj])]:
                    s = irregular.get(plain) or stem(plain)
                    out.append(same.get(s, s))
                continue
        if w not in stop and len(w) > 1:
            s = bases[n]
            out.append(same.get(s, s))
    return out


_GLUED_SCALE = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")


def read_numbers(ws: list[str]) -> list[str]:
    """Word tokens with every figure as one number in digits: "three hundred" as "300",
    "eighteen million" and "18 million" as "18000000", "£18m" as "18000000", "Forty" as "40".
    News writes one figure many ways (a number opening a sentence is spelled out, money is
    abbreviated in headlines and columns), and a restatement should meet the original on its
    figure. A unit word ("three") is read as a digit only before a scale word, and a figure
    without a scale keeps its own spelling ("2,000", "3.2"). A figure in millions or more
    keeps its scale word as well ("3200000", "million"), as written it always has one: the
    figure then weighs as much in a match as it did as two words."""
    lex = lexicon()
    tens, units, scales = lex["number_words"], lex["unit_number_words"], lex["scale_values"]
    out: list[str] = []
    i = 0
    while i < len(ws):
        total, current, j, scaled, largest = 0.0, None, i, False, 0.0
        while j < len(ws):
            w = ws[j]
            glued = _GLUED_SCALE.fullmatch(w)
            if w in scales and current is not None:
                current *= scales[w]
                scaled, largest = True, max(largest, scales[w])
                if scales[w] >= 1000:
                    total, current = total + current, 0.0
            elif glued and glued.group(2) in scales and current is None:
                current, scaled = float(glued.group(1)) * scales[glued.group(2)], True
                largest = max(largest, scales[glued.group(2)])
            elif (v := _figure(w, tens, units, ws[j + 1] if j + 1 < len(ws) else "", scales)) is not None:
                if current is None:
                    current = v
                elif 20 <= current < 100 and current % 10 == 0 and v < 10:
                    current += v  # "twenty five"
                else:
                    break
            else:
                break
            j += 1
        if scaled:
            value = total + (current or 0.0)
            out.append(str(int(value)) if value == int(value) else f"{value:g}")
            if largest >= 1e6:
                out.append(min((w for w, v in scales.items() if v == largest), key=lambda w: (-len(w), w)))
            i = j
        else:
            out.append(tens.get(ws[i], ws[i]))
            i += 1
    return out


def _figure(w: str, tens: dict, units: dict, following: str, scales: dict) -> float | None:
    if w in tens:
        return float(tens[w])
    if w in units:
        return float(units[w]) if following in scales or following in units or following in tens else None
    if w[:1].isdigit():
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    return None


def _light_object(ws: list[str], bases: list[str], n: int, objects: dict, stop, same) -> int | None:
    """Where the object noun of the light verb at ``n`` is, when only function words or a
    figure stand between them ("lose their jobs", "lost 40 jobs")."""
    for m in range(n + 1, min(n + 2 + LIGHT_VERB_GAP, len(ws))):
        if same.get(bases[m], bases[m]) in objects:
            return m
        if ws[m] not in stop and not ws[m][:1].isdigit():
            return None
    return None


def name_terms(text: str) -> frozenset[str]:
    """Stems of capitalised words: names, which many different claims about the same people
    share, so they count for less than what is said about them. (A capitalised common word
    opening a sentence is taken for a name too; it then merely counts for less.)"""
    stop, calendar = lexicon()["stopwords"], calendar_words()
    return frozenset(stem(m.group(0).lower()) for m in re.finditer(r"\b[A-Z][a-zA-Z]+", fold(text))
                     if m.group(0).lower() not in stop and m.group(0).lower() not in calendar)


def is_negated(text: str) -> bool:
    """Whether a span says the opposite ("has never asked", "are not speaking")."""
    neg = lexicon()["negations"]
    return any(w in neg for w in words(text))


class TermWeights:
    """Inverse document frequency of content terms over a set of texts: a name or word every
    article shares ("Gulls") weighs little, a rare one ("severance") much."""

    def __init__(self, texts):
        import math

        df: dict[str, int] = {}
        n = 0
        for text in texts:
            n += 1
            for t in set(content_terms(text) if isinstance(text, str) else text):
                df[t] = df.get(t, 0) + 1
        self.n = max(n, 1)
        self.df = df
        self._log = math.log
        self._idf: dict[str, float] = {}

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            df = self.df.get(term, 0)
            value = self._idf[term] = self._log(1 + (self.n - df + 0.5) / (df + 0.5))
        return value

    def mass(self, terms) -> float:
        return sum(self.idf(t) for t in set(terms))
