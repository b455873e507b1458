"""The store's tables (SQLAlchemy Core), the one description both backends share.

``articles`` and ``ledgers`` keep everything needed to rebuild a ledger exactly; the query
tables (``sources`` … ``relations``) are flattened copies of each ledger so that plain SQL
(sqlite3, psql, DuckDB, datasette) can answer questions across articles without parsing JSON.
Every query-table row carries ``article_id`` and the ledger's own id for its item, and is
deleted with its ledger. Columns are documented in docs/store.md; migrations/ must follow any
change here (the initial revision creates exactly these tables).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

#: strings that are short in practice (ids, kinds, ISO dates) still use unbounded types on
#: PostgreSQL through String() without length, so nothing is ever truncated
ID = String()


def _article_fk() -> Column:
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


articles = Table(
    "articles", metadata,
    Column("id", ID, primary_key=True),
    Column("content_hash", ID, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", ID),          # ISO date (YYYY-MM-DD) or NULL
    Column("published_basis", ID, nullable=False, server_default="unknown"),
    Column("text", Text, nullable=False),
    Column("origin", Text),           # where it was read: file, line or WARC record
    Column("ingested", ID, nullable=False),  # ISO timestamp (UTC) of storing
    Index("ix_articles_content_hash", "content_hash", unique=True),
    Index("ix_articles_outlet_published", "outlet", "published"),
    Index("ix_articles_published", "published"),
)

ledgers = Table(
    "ledgers", metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("schema", ID, nullable=False),
    Column("pipeline_version", ID, nullable=False),
    Column("ledger", Text, nullable=False),  # the hearsay.ledger/1 JSON
    Column("created", ID, nullable=False),
    Index("ix_ledgers_pipeline_version", "pipeline_version"),
)

sources = Table(
    "sources", metadata,
    _article_fk(),
    Column("source_id", ID, primary_key=True),
    Column("kind", ID, nullable=False),
    Column("label", Text, nullable=False),
    Column("entity_id", ID),
    Column("entity_name", Text),
    Column("via", ID),
    Column("mentions", Integer, nullable=False),
    Column("represents_label", Text),
    Column("represents_entity_id", ID),
    Column("members", Text),
    Column("unresolved", Boolean),
    Index("ix_sources_kind", "kind"),
)

attributions = Table(
    "attributions", metadata,
    _article_fk(),
    Column("attribution_id", ID, primary_key=True),
    Column("source_id", ID, nullable=False),
    Column("source_kind", ID),
    Column("type", ID, nullable=False),
    Column("cue", Text),
    Column("cue_class", ID),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("polarity", ID, nullable=False),
    Column("parent", ID),
    Index("ix_attributions_source_kind", "source_kind"),
)

claims = Table(
    "claims", metadata,
    _article_fk(),
    Column("claim_id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("source_id", ID, nullable=False),
    Column("source_kind", ID),
    Column("source_label", Text),
    Column("attribution_id", ID),
    Column("hedged", Boolean, nullable=False),
    Column("hedges", Text),           # the hedge words, "; "-joined
    Column("entities", Text),         # entity ids, space-joined (see claim_entities for joins)
    Column("times", Text),            # time ids, space-joined
    Index("ix_claims_source_kind", "source_kind"),
)

claim_entities = Table(
    "claim_entities", metadata,
    _article_fk(),
    Column("claim_id", ID, primary_key=True),
    Column("entity_id", ID, primary_key=True),
    Index("ix_claim_entities_entity", "article_id", "entity_id"),
)

entities = Table(
    "entities", metadata,
    _article_fk(),
    Column("entity_id", ID, primary_key=True),
    Column("type", ID, nullable=False),
    Column("name", Text, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("age", Integer),
    Column("born_earliest", ID),
    Column("born_latest", ID),
    Index("ix_entities_name", "name"),
)

times = Table(
    "times", metadata,
    _article_fk(),
    Column("time_id", ID, primary_key=True),
    Column("text", Text, nullable=False),
    Column("type", ID, nullable=False),
    Column("value", ID),
    Column("range_start", ID),
    Column("range_end", ID),
    Column("anchor", ID),
    Column("inferred", Boolean, nullable=False),
    Index("ix_times_range", "range_start", "range_end"),
)

relations = Table(
    "relations", metadata,
    _article_fk(),
    Column("relation_id", ID, primary_key=True),
    Column("type", ID, nullable=False),
    Column("a", ID, nullable=False),
    Column("a_name", Text),
    Column("b", ID, nullable=False),
    Column("b_name", Text),
    Column("status", ID, nullable=False),
    Column("since", ID),
    Index("ix_relations_type", "type"),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input", Text, nullable=False),
    Column("record", Text),
    Column("error", Text, nullable=False),
    Column("at", ID, nullable=False),
    Index("ix_failures_input", "input"),
)

# The trace of the whole store (`hearsay trace --store`), replaced each time it is traced:
# article ids are not foreign keys, since a trace may name an article no longer stored.
trace_claims = Table(
    "trace_claims", metadata,
    Column("id", ID, primary_key=True),            # K1, K2, … in the trace
    Column("text", Text, nullable=False),
    Column("origin_article", ID),
    Column("origin_source_kind", ID),
    Column("origin_source_label", Text),
    Column("origin_source_entity", Text),
    Column("articles", Integer, nullable=False),    # spread: distinct articles it appears in
    Column("confirmations", Integer, nullable=False),
    Column("denials", Integer, nullable=False),
    Column("verdict", Text, nullable=False),
)

trace_appearances = Table(
    "trace_appearances", metadata,
    Column("trace_claim", ID, primary_key=True),
    Column("n", Integer, primary_key=True),         # order within the claim (publication order)
    Column("article_id", ID, nullable=False),
    Column("claim_id", ID, nullable=False),         # the ledger's claim id in that article
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("source_kind", ID, nullable=False),
    Column("source_label", Text, nullable=False),
    Column("source_entity", Text),
    Column("stance", ID, nullable=False),
    Column("role", ID, nullable=False),
    Column("via_how", ID),
    Column("via_article", ID),
    Column("via_outlet", Text),
    Index("ix_trace_appearances_article", "article_id"),
)

trace_citations = Table(
    "trace_citations", metadata,
    Column("n", Integer, primary_key=True),
    Column("from_article", ID, nullable=False),
    Column("to_outlet", Text, nullable=False),
    Column("to_article", ID),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_trace_citations_from", "from_article"),
)

trace_copies = Table(
    "trace_copies", metadata,
    Column("article_id", ID, primary_key=True),
    Column("copy_of", ID, nullable=False),
)

TRACE_TABLES = (trace_claims, trace_appearances, trace_citations, trace_copies)

#: the tables flattened from a ledger, in the order they are written (and exported)
QUERY_TABLES = (sources, attributions, claims, claim_entities, entities, times, relations)

#: every table a user can export, in a stable order
ALL_TABLES = (articles, ledgers, *QUERY_TABLES, failures, *TRACE_TABLES)
