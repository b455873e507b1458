"""hearsay: who says so, on whose word, how firmly, about whom, and when.

``hearsay.analyze(text, published="2023-08-16")`` returns the article's claim ledger.
Importing this package loads nothing heavy; the spaCy pipeline loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .ingest import Article
    from .ledger import Ledger

__all__ = ["analyze", "analyze_article", "analyze_many", "load_pipeline", "Ledger", "__version__"]


def load_pipeline(model: str | None = None):
    from .pipeline import load_pipeline as _load

    return _load(model)


def _doc_for(nlp, article: "Article"):
    doc = nlp.make_doc(article.text)
    doc._.hearsay_meta = article.meta()
    return doc


def analyze_article(article: "Article", nlp=None) -> "Ledger":
    from .build import build_ledger

    nlp = nlp or load_pipeline()
    doc = _doc_for(nlp, article)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return build_ledger(doc)


def analyze_many(articles: Iterable["Article"], nlp=None, batch_size: int = 16) -> Iterator["Ledger"]:
    """Ledgers for many articles, streamed through ``nlp.pipe`` (same results as ``analyze``)."""
    from .build import build_ledger

    nlp = nlp or load_pipeline()
    docs = (_doc_for(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield build_ledger(doc)


def analyze(
    text: str,
    published: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    nlp=None,
) -> "Ledger":
    """The ledger of one article given as plain text."""
    from .ingest import from_text

    article = from_text(text, published=published, title=title, outlet=outlet, url=url)
    return analyze_article(article, nlp=nlp)


def __getattr__(name: str):
    if name == "Ledger":
        from .ledger import Ledger

        return Ledger
    raise AttributeError(name)
