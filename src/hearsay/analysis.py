"""From article to ledger: parse, run hearsay's stages, build the ledger.

``on_failure`` picks what a stage failure does (``pipeline.FAILURE_POLICIES``): ``"lenient"``
by default, so a reader gets the rest of the ledger and a warning naming the stage;
``"strict"`` raises, which the test suite and ``hearsay eval`` use.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .build import build_ledger
from .ingest import Article, from_text
from .ledger import Ledger
from .pipeline import CHUNK_CHARS, load_pipeline, parse, parse_texts, run_stages


def ledger_of(nlp, doc, article: Article, on_failure: str | None) -> Ledger:
    """The ledger of a parsed article: its metadata set, the stages run, the ledger built."""
    doc._.hearsay_meta = article.meta()
    return build_ledger(run_stages(nlp, doc, on_failure))


def analyze_article(article: Article, nlp=None, on_failure: str | None = None) -> Ledger:
    nlp = nlp or load_pipeline()
    return ledger_of(nlp, parse(nlp, article.text), article, on_failure)


def analyze_many(articles: Iterable[Article], nlp=None, batch_size: int = 16,
                 on_failure: str | None = None) -> Iterator[Ledger]:
    """Ledgers for many articles (same results as ``analyze_article``), short ones batched
    through ``nlp.pipe``."""
    nlp = nlp or load_pipeline()
    batch: list[Article] = []

    def flush():
        docs = parse_texts(nlp, [a.text for a in batch], batch_size)
        for article, doc in zip(batch, docs):
            yield ledger_of(nlp, doc, article, on_failure)
        batch.clear()

    for article in articles:
        if len(article.text) > CHUNK_CHARS:
            yield from flush()
            yield analyze_article(article, nlp, on_failure)
        else:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from flush()
    yield from flush()


def analyze(
    text: str,
    published: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    nlp=None,
    on_failure: str | None = None,
) -> Ledger:
    """The ledger of one article given as plain text."""
    article = from_text(text, published=published, title=title, outlet=outlet, url=url)
    return analyze_article(article, nlp=nlp, on_failure=on_failure)
