"""Every piece of Doc state hearsay's stages read or write, declared once.

Stages exchange plain data only (dicts of str/int/bool/None and lists of them, character
offsets into ``doc.text``) stored in ``doc._`` extension attributes, so a ``DocBin`` round trip
(``store_user_data=True``) keeps everything and ``build.py`` can turn any Doc into a Ledger.

Offsets are always *character* offsets into ``doc.text`` (``start``/``end``), never token
indices, so records stay valid however the text was tokenised.

Record shapes (documented as TypedDicts; at run time they are plain dicts):
"""

from __future__ import annotations

from typing import Optional, TypedDict

from spacy.tokens import Doc


class QuoteRec(TypedDict):
    start: int            # the opening mark
    end: int              # just after the closing mark
    content_start: int    # inside the marks
    content_end: int
    marks: str            # "curly" | "straight" | "single"
    paragraphs: int       # >1 for a quote running over several paragraphs
    depth: int            # 0 outermost, 1 nested inside another quote


class MentionRec(TypedDict):
    start: int
    end: int
    kind: str             # name | descriptor | pronoun


class EntityRec(TypedDict):
    id: str               # "E1" ...
    type: str             # PERSON | ORG | OUTLET | GPE | ...
    name: str
    mentions: list[MentionRec]
    age: Optional[int]
    born: Optional[dict]  # {"earliest": date, "latest": date}
    gender: Optional[str]  # "f" | "m" | None — used by pronoun resolution
    ages: list[dict]       # every stated age [{"value", "start", "end"}] — two values are a conflict
    born_stated: bool      # born comes from a stated birth date, not from age + reference date


class SourceRec(TypedDict):
    id: str               # "S1" ...
    kind: str             # person | organization | outlet | anonymous | reports | document | author
    label: str
    entity: Optional[str]
    mentions: list[dict]  # [{"start","end"}]
    via: Optional[str]
    represents: Optional[dict]  # unnamed representative: {"label": whom they speak for, "entity": id|None}
    unresolved: bool      # a pronoun speaker the text never names ("he said")
    members: list[str]    # a joint voice: the entity ids of those speaking together


class AttributionRec(TypedDict):
    id: str               # "A1" ...
    source: str           # "S1"
    type: str             # direct | indirect | mixed | according_to
    source_mention: Optional[dict]   # {"start","end"}
    cue: Optional[dict]              # {"start","end"}
    content: dict                    # {"start","end"}
    polarity: str                    # asserted | denied
    cue_class: Optional[str]         # lexicon class: neutral, reportative, allegation, denial, emotive, cognition ...
    parent: Optional[str]            # enclosing attribution for nested speech


class NoCommentRec(TypedDict):
    source: str
    cue: dict             # {"start","end"}
    kind: str             # declined | no_response


class HedgeRec(TypedDict):
    start: int
    end: int
    kind: str             # reportative | epistemic | appearance | allegation


class TimeRec(TypedDict):
    id: str               # "T1" ...
    start: int
    end: int
    type: str             # DATE | TIME | DURATION | SET
    value: Optional[str]
    range: Optional[dict]  # {"start": date, "end": date}
    anchor: Optional[str]  # "published" | "T<n>" | None
    inferred: bool


class ClaimRec(TypedDict):
    id: str               # "C1" ...
    start: int
    end: int
    source: str
    attribution: Optional[str]
    hedges: list[HedgeRec]
    entities: list[str]
    times: list[str]
    disputed_by: list[str]  # denial attributions that deny this claim (only when there are any)


class RelationRec(TypedDict):
    id: str               # "R1" ...
    type: str
    a: str
    b: str
    status: str
    since: Optional[str]
    claims: list[str]
    evidence: dict         # {"start","end"} the words stating the relation
    dates: list[dict]      # each dated statement of it: {"value","time","how": stated|anniversary,"start","end"} (for checks)


class CheckRec(TypedDict):
    id: str
    kind: str
    status: str            # ok | conflict
    message: str
    refs: list[str]


# name -> default.  Documents carry their article metadata in ``hearsay_meta``:
# {"title", "outlet", "url", "published", "published_basis"}; the temporal stage writes the
# reference date it used into ``hearsay_reference`` {"date": iso|None, "basis": str}.
DOC_EXTENSIONS: dict[str, object] = {
    "hearsay_meta": None,          # dict, set by hearsay.analyze before the pipeline runs
    "hearsay_warnings": None,      # list[str], appended to by any stage
    "hearsay_quotes": None,        # list[QuoteRec]            (hearsay_quotes)
    "hearsay_entities": None,      # list[EntityRec]           (hearsay_mentions)
    "hearsay_sources": None,       # list[SourceRec]           (hearsay_attribution)
    "hearsay_attributions": None,  # list[AttributionRec]      (hearsay_attribution)
    "hearsay_no_comment": None,    # list[NoCommentRec]        (hearsay_attribution)
    "hearsay_hedges": None,        # list[HedgeRec]            (hearsay_hedging)
    "hearsay_times": None,         # list[TimeRec]             (hearsay_temporal)
    "hearsay_reference": None,     # dict                      (hearsay_temporal)
    "hearsay_claims": None,        # list[ClaimRec]            (hearsay_claims)
    "hearsay_relations": None,     # list[RelationRec]         (hearsay_relations)
    "hearsay_checks": None,        # list[CheckRec]            (hearsay_checks)
    "hearsay_summary": None,       # dict: counts, warnings, verdict (hearsay_summary)
}


#: span groups (``doc.spans``) hearsay writes: the learned attribution tagger's raw proposals,
#: per role (``hearsay_attribution_model``; read by ``hearsay_attribution`` in its model and
#: combined modes). The ledger is built from the records above, never from these.
LEARNED_SPAN_GROUPS: dict[str, str] = {
    "content": "hearsay_model_content",
    "cue": "hearsay_model_cue",
    "source": "hearsay_model_source",
}


def register() -> None:
    """Declare every extension (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def get_list(doc: Doc, name: str) -> list:
    """The list stored under ``name``, or an empty list when the stage did not run."""
    value = getattr(doc._, name)
    return list(value) if value else []


def warn(doc: Doc, message: str) -> None:
    """Record a local problem; stages never raise for one."""
    warnings = doc._.hearsay_warnings
    if warnings is None:
        warnings = []
    if message not in warnings:
        warnings.append(message)
    doc._.hearsay_warnings = warnings


register()
