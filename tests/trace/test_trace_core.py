"""The trace's stages on hand-built ledgers: copies, citations, matching, roles, verdicts."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import ledger, row

from hearsay.trace import json_schema, trace_corpus
from hearsay.trace.copies import find_copies
from hearsay.trace.identity import OutletIndex, name_variants
from hearsay.trace.items import as_items
from hearsay.trace.citations import find_citations
from hearsay.trace.words import TermWeights, content_terms, is_negated

ROOT = Path(__file__).resolve().parents[2]

ORIGIN = ("The Harbor Authority will sell the old ferry terminal to a hotel developer this spring, "
          "Bay Ledger has learned. The sale was approved at a closed meeting last week, according to "
          "a person familiar with the talks. “They want it done before the summer,” the person said.")
COPY = ("The Harbor Authority will sell the old ferry terminal to a hotel developer this spring, "
        "Coastline Daily has learned. The sale was approved at a closed meeting last week, according to "
        "a person familiar with the talks. \"They want it done before the summer,\" the person said.")
CITING = ("The Harbor Authority plans to sell the old ferry terminal to a hotel developer, Bay Ledger "
          "reported Monday. The port has not confirmed the report.")
DENIAL = ("Harbor Authority director Mara Quist said Thursday that the authority will not sell the "
          "ferry terminal to any hotel developer. \"There is no sale,\" Quist said.")
OTHER = "The city council approved a new bicycle lane on Front Street, the mayor said."


def corpus():
    return [
        (row("a1", "Bay Ledger", "2030-05-01T09:00:00Z", ORIGIN),
         ledger(ORIGIN, [("The Harbor Authority will sell the old ferry terminal to a hotel developer this spring", "outlet", "Bay Ledger"),
                         ("The sale was approved at a closed meeting last week", "anonymous", "a person familiar with the talks")],
                outlet="Bay Ledger")),
        (row("a2", "Coastline Daily", "2030-05-01T11:00:00Z", COPY),
         ledger(COPY, [("The Harbor Authority will sell the old ferry terminal to a hotel developer this spring", "outlet", "Coastline Daily"),
                       ("The sale was approved at a closed meeting last week", "anonymous", "a person familiar with the talks")],
                outlet="Coastline Daily")),
        (row("a3", "Port News", "2030-05-02T08:00:00Z", CITING),
         ledger(CITING, [("The Harbor Authority plans to sell the old ferry terminal to a hotel developer", "outlet", "Bay Ledger")],
                outlet="Port News")),
        (row("a4", "Port News", "2030-05-04T08:00:00Z", DENIAL),
         ledger(DENIAL, [("the authority will not sell the ferry terminal to any hotel developer", "person", "Mara Quist")],
                outlet="Port News")),
        (row("a5", "Bay Ledger", "2030-05-03T08:00:00Z", OTHER),
         ledger(OTHER, [("The city council approved a new bicycle lane on Front Street", "person", "the mayor")], outlet="Bay Ledger")),
    ]


def test_words_fold_glyphs_stem_and_see_negation():
    assert content_terms("fielding calls") == content_terms("fielded call")
    assert is_negated("I haven’t asked for a trade") and not is_negated("He asked for a trade")


def test_outlet_variants_include_short_name_and_call_sign():
    assert {"Sentinel", "Velden Falls Sentinel"} <= name_variants("The Velden Falls Sentinel")
    assert "KXRT" in name_variants("KXRT News 4")
    index = OutletIndex(["KXRT-TV"], publishers=["KXRT News 4"])
    assert index.canonical("KXRT-TV") == "KXRT News 4"


def test_partner_copy_with_other_glyphs_and_channel_is_a_copy_of_the_earliest():
    items = as_items(corpus())
    groups, copy_of = find_copies(items)
    assert groups == [["a1", "a2"]] and copy_of == {"a2": "a1"}


def test_citations_resolve_to_the_cited_outlets_earlier_article_and_skip_channels():
    items = as_items(corpus())
    index = OutletIndex.from_items(items)
    cites = find_citations(items, index, TermWeights(i.text for i in items))
    assert [(c.from_, c.to_outlet, c.to_article, c.span.text) for c in cites] == [
        ("a3", "Bay Ledger", "a1", "Bay Ledger reported Monday")]


def test_trace_roles_origin_copy_repeat_denial_and_verdict():
    trace = trace_corpus(corpus())
    assert trace.copies == [["a1", "a2"]]
    sale = next(c for c in trace.claims if "ferry terminal" in c.text)
    roles = {(a.article, a.role) for a in sale.appearances}
    assert ("a1", "origin") in roles and ("a2", "copy") in roles and ("a3", "repeat") in roles
    assert sale.origin.article == "a1" and sale.origin.source.kind == "anonymous"
    assert sale.denials == ["a4"] and sale.independent_confirmations == []
    assert sale.verdict.startswith("One anonymous source (Bay Ledger, 2030-05-01)")
    assert "denied on the record 2030-05-04" in sale.verdict
    assert all("bicycle" not in a.span.text for c in trace.claims for a in c.appearances)


def test_trace_json_follows_the_spec_field_names():
    data = json.loads(trace_corpus(corpus()).to_json())
    assert data["schema"] == "hearsay.trace/1"
    assert set(data["citations"][0]) >= {"from", "to_outlet", "to_article", "span"}
    claim = data["claims"][0]
    assert set(claim) >= {"id", "text", "appearances", "origin", "independent_confirmations", "denials", "corrections", "verdict"}


def test_committed_schema_matches_the_models():
    committed = json.loads((ROOT / "docs" / "trace.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "regenerate with `hearsay trace --schema > docs/trace.schema.json`"


def test_trace_package_does_not_import_spacy():
    import ast

    for path in (ROOT / "src" / "hearsay" / "trace").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.split(".")[0] == "spacy" or n.endswith("pipeline") or n.endswith("lexicon") for n in names), path
