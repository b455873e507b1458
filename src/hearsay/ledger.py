"""The claim ledger (`hearsay.ledger/1`) as pydantic models.

These models are the contract fixed by LEDGER-SPEC.md: other programs read these fields, so
fields may be added but never renamed or dropped without bumping ``SCHEMA``. The committed JSON
Schema (``docs/ledger.schema.json``) is generated from here by ``hearsay schema``.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .source_kinds import KIND_NAMES

SCHEMA = "hearsay.ledger/1"

SourceKind = Literal[KIND_NAMES]  # type: ignore[valid-type]  (the seven kinds, see source_kinds.py)
AttributionType = Literal["direct", "indirect", "mixed", "according_to"]
Polarity = Literal["asserted", "denied"]
HedgeKind = Literal["reportative", "epistemic", "appearance", "allegation"]
MentionKind = Literal["name", "descriptor", "pronoun"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
RelationStatus = Literal["asserted", "alleged", "reported", "denied"]
PublishedBasis = Literal["given", "html", "inferred", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    start: int = Field(ge=0, description="code-point index into document.text")
    end: int = Field(ge=0)
    text: str


class Mention(Span):
    kind: MentionKind


class Hedge(Span):
    kind: HedgeKind


class DateRange(_Model):
    start: str
    end: str


class BornRange(_Model):
    earliest: str
    latest: str


class Document(_Model):
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_basis: PublishedBasis = "unknown"


class Entity(_Model):
    id: str
    type: str
    name: str
    mentions: list[Mention] = []
    age: Optional[int] = None
    born: Optional[BornRange] = None


class Represented(_Model):
    """Whom an unnamed representative speaks for: "a spokesperson for Acme" → Acme."""

    label: str = Field(description="the words naming whom the source speaks for")
    entity: Optional[str] = Field(default=None, description="their entity, where the ledger has one")


class Source(_Model):
    id: str
    kind: SourceKind
    label: str
    entity: Optional[str] = None
    mentions: list[Span] = []
    via: Optional[str] = None
    represents: Optional[Represented] = Field(
        default=None,
        description="for an unnamed but on-the-record representative (spokesperson, publicist, lawyer): "
        "whom they speak for; the source itself stays unnamed",
    )
    unresolved: bool = Field(
        default=False, description="a pronoun speaker ('he said') the text gives no name for"
    )
    members: list[str] = Field(
        default=[],
        description="for a joint voice ('the couple said', 'Lind and Reed said in a statement'): "
        "the entities of the people or organisations it speaks for",
    )


class Attribution(_Model):
    id: str
    source: str
    type: AttributionType
    source_mention: Optional[Span] = None
    cue: Optional[Span] = None
    content: Span
    polarity: Polarity = "asserted"
    cue_class: Optional[str] = Field(
        default=None, description="lexicon class of the cue (neutral, reportative, allegation, ...)"
    )
    parent: Optional[str] = Field(
        default=None, description="for nested attribution: the attribution whose content holds this one"
    )
    denies: list[str] = Field(
        default=[], description="for a denial: the ids of the claims it denies ('denied the reports' → C2, C3)"
    )


class NoComment(_Model):
    """A source that was asked and said nothing: "declined to comment", "did not respond"."""

    source: str
    cue: Span
    kind: Literal["declined", "no_response"]


class Claim(_Model):
    id: str
    span: Span
    source: str
    attribution: Optional[str] = None
    hedges: list[Hedge] = []
    entities: list[str] = []
    times: list[str] = []
    disputed: bool = Field(default=False, description="true when a denial in the article denies this claim")
    disputed_by: list[str] = Field(default=[], description="the denial attributions that deny this claim")


class Time(_Model):
    id: str
    span: Span
    type: TimeType
    value: Optional[str] = None
    range: Optional[DateRange] = None
    anchor: Optional[str] = None
    inferred: bool = False


class Relation(_Model):
    id: str
    type: str
    a: str
    b: str
    status: RelationStatus
    since: Optional[str] = None
    claims: list[str] = []


class TimelineEntry(_Model):
    date: str
    claim: str
    time: str
    summary: str
    start: Optional[str] = Field(default=None, description="first day of the period the date names; the timeline sorts on it")
    end: Optional[str] = Field(default=None, description="last day of that period")
    label: Optional[str] = Field(default=None, description="the date for readers: 'spring 2022', 'week of 4 March 2024'")
    source_kind: Optional[str] = Field(default=None, description="the kind of source the claim rests on")
    disputed: bool = Field(default=False, description="the claim is denied in the article")


class Check(_Model):
    id: str
    kind: str
    status: Literal["ok", "conflict"]
    message: str
    refs: list[str] = []
    claims: list[str] = Field(default=[], description="the claims the check concerns, directly or through its refs")


class Summary(_Model):
    claims: int = 0
    attributed: int = 0
    by_source_kind: dict[str, int] = {}
    anonymous_sources: int = 0
    warnings: list[str] = []
    warning_claims: list[list[str]] = Field(
        default=[], description="for each of warnings, in the same order: the ids of the claims it concerns"
    )
    verdict: Optional[str] = Field(default=None, description="one-line sourcing verdict, shown first")
    unresolved_times: list[str] = Field(
        default=[],
        description="times resolved only against a reference date the article does not give "
        "(no publication date): they need document.published to be trusted",
    )


class Ledger(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    document: Document
    entities: list[Entity] = []
    sources: list[Source] = []
    attributions: list[Attribution] = []
    no_comment: list[NoComment] = []
    claims: list[Claim] = []
    times: list[Time] = []
    relations: list[Relation] = []
    timeline: list[TimelineEntry] = []
    checks: list[Check] = []
    summary: Summary = Summary()

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def iter_spans(self):
        """Every span in the ledger, for checking offsets against ``document.text``."""
        for e in self.entities:
            yield from e.mentions
        for s in self.sources:
            yield from s.mentions
        for a in self.attributions:
            yield a.content
            if a.cue:
                yield a.cue
            if a.source_mention:
                yield a.source_mention
        for n in self.no_comment:
            yield n.cue
        for c in self.claims:
            yield c.span
            yield from c.hedges
        for t in self.times:
            yield t.span


def json_schema() -> dict:
    return Ledger.model_json_schema(by_alias=True)
