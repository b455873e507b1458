"""The trace (`hearsay.trace/1`) as pydantic models.

These models are the contract fixed by TRACE-SPEC.md: other programs read these fields, so
fields may be added but never renamed or dropped without bumping ``SCHEMA``. The committed JSON
Schema (``docs/trace.schema.json``) is generated from here by ``hearsay trace --schema``.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..ledger import SourceKind, Span

SCHEMA = "hearsay.trace/1"

Stance = Literal["asserts", "denies", "corrects"]
Role = Literal["origin", "confirmation", "repeat", "copy", "denial", "correction"]
#: an article's strongest role when it carries a claim more than once, strongest first: an
#: article that both repeats and denies a claim is a denial, one that confirms is not also a
#: repeat. The trace's verdict counts and the claim page's marks both read it from here.
ROLE_RANK = ("origin", "correction", "denial", "confirmation", "copy", "repeat")
ViaHow = Literal["citation", "copy", "uncited"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TraceArticle(_Model):
    id: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    copy_of: Optional[str] = Field(default=None, description="the earliest article this one is a syndicated or near-verbatim copy of")


class TraceSource(_Model):
    kind: SourceKind
    label: str
    entity: Optional[str] = Field(default=None, description="canonical name across the corpus")


class Via(_Model):
    how: ViaHow
    article: Optional[str] = None
    outlet: Optional[str] = None


class Appearance(_Model):
    article: str
    claim: str = Field(description="the ledger's claim id in that article")
    span: Span
    source: TraceSource
    stance: Stance = "asserts"
    role: Role
    via: Optional[Via] = None
    published: Optional[str] = None
    outlet: Optional[str] = None


class Origin(_Model):
    article: str
    source: TraceSource


class TracedClaim(_Model):
    id: str
    text: str = Field(description="wording of the claim as first published")
    appearances: list[Appearance]
    origin: Optional[Origin] = None
    independent_confirmations: list[str] = []
    denials: list[str] = []
    corrections: list[str] = []
    repeats: list[str] = Field(default=[], description="articles that only restate it (cited, copied or uncited)")
    verdict: str = ""


class Citation(_Model):
    from_: str = Field(alias="from")
    to_outlet: str
    to_article: Optional[str] = None
    span: Span

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Trace(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    articles: list[TraceArticle] = []
    claims: list[TracedClaim] = []
    citations: list[Citation] = []
    copies: list[list[str]] = []
    failures: list[dict] = Field(default=[], description="articles that could not be traced, with the reason")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def json_schema() -> dict:
    return Trace.model_json_schema(by_alias=True)
