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


#: texts longer than this are parsed in paragraph-aligned pieces, one at a time, and joined into
#: one Doc, so a huge article never meets spaCy's length limit and parsing memory is bounded by
#: the piece (about 17 KB a token while it is parsed: 40,000 characters of prose are ~150 MB, of
#: quote marks, one token each, ~700 MB). Longer than any article in the evaluation data.
CHUNK_CHARS = 40_000


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` (joined they give it back exactly), cut after a line break
    where possible, else after a space, else anywhere."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < size // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= size // 2 else size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _parse(nlp, article: "Article"):
    """The article parsed by the spaCy model (not yet by hearsay's stages)."""
    from .pipeline import STAGES, make_doc, parse_pieces

    own = [name for name in nlp.pipe_names if name in STAGES]
    with nlp.select_pipes(disable=own):
        if len(article.text) <= CHUNK_CHARS:
            doc = nlp(make_doc(nlp, article.text))
        else:
            doc = parse_pieces(nlp, _chunks(article.text))
    doc._.hearsay_meta = article.meta()
    return doc


def _run_stages(nlp, doc):
    from .pipeline import STAGES

    for name, proc in nlp.pipeline:
        if name in STAGES:
            doc = proc(doc)
    return doc


def analyze_article(article: "Article", nlp=None) -> "Ledger":
    from .build import build_ledger

    nlp = nlp or load_pipeline()
    return build_ledger(_run_stages(nlp, _parse(nlp, article)))


def analyze_many(articles: Iterable["Article"], nlp=None, batch_size: int = 16) -> Iterator["Ledger"]:
    """Ledgers for many articles (same results as ``analyze_article``), short ones batched
    through ``nlp.pipe``."""
    from .build import build_ledger
    from .pipeline import STAGES, make_doc

    nlp = nlp or load_pipeline()
    own = [name for name in nlp.pipe_names if name in STAGES]
    batch: list = []

    def flush():
        with nlp.select_pipes(disable=own):
            docs = list(nlp.pipe((make_doc(nlp, a.text) for a in batch), batch_size=batch_size))
        for article, doc in zip(batch, docs):
            doc._.hearsay_meta = article.meta()
            yield build_ledger(_run_stages(nlp, doc))
        batch.clear()

    for article in articles:
        if len(article.text) > CHUNK_CHARS:
            yield from flush()
            yield analyze_article(article, nlp)
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
