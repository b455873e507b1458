"""hearsay's Doc state is plain data: a DocBin round trip rebuilds the same ledger."""

from __future__ import annotations

from spacy.tokens import DocBin

from hearsay.build import build_ledger
from hearsay.ingest import from_text
from hearsay.pipeline import parse, run_stages


def test_docbin_round_trip_keeps_the_whole_ledger(nlp):
    from conftest import EXAMPLE

    article = from_text(EXAMPLE.read_text(encoding="utf-8"), published="2024-03-14")
    doc = parse(nlp, article.text)
    doc._.hearsay_meta = article.meta()
    doc = run_stages(nlp, doc, "strict")
    before = build_ledger(doc)
    blob = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin().from_bytes(blob).get_docs(nlp.vocab)
    after = build_ledger(restored)
    assert after == before
    assert before.attributions and before.claims and before.times
