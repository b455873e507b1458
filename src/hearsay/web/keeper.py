"""Where the web page keeps what it analyses, behind one small interface.

A permalink is only worth sharing if it survives a restart and if the same article, sent
twice, lands on the same page. So a ledger's id is derived from what was analysed (the text and
the metadata the reader gave), and the ledgers live in the project's store (``hearsay.store``:
SQLite or PostgreSQL). ``--no-store`` keeps them in memory instead, bounded, for a throw-away
session; both keepers answer the same four questions, so the pages do not care which it is.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from ..identity import identity_hash
from ..ledger import Ledger

#: hex digits of the content hash used as the permalink id: 64 bits, unique enough for any
#: one store, short enough to read out
ID_DIGITS = 16


def ledger_id(text: str, *, title=None, outlet=None, url=None, published=None) -> str:
    """The permalink id of an analysis: a hash of the text and the metadata that change the
    ledger. The same article with the same fields always gets the same id; fixing a date gives
    a new one (it is a different analysis), while the old link keeps showing the old one."""
    return identity_hash(text, title=title, outlet=outlet, url=url, published=published)[:ID_DIGITS]


def article_id(article) -> str:
    """``ledger_id`` of an ingest ``Article``; a date the reader did not give (inferred, or read
    from an uploaded page) is part of the text's analysis, not of its identity."""
    published = article.published if article.published_basis == "given" else None
    return ledger_id(article.text, title=article.title, outlet=article.outlet, url=article.url, published=published)


@dataclass
class Entry:
    """One kept analysis as the history page lists it."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    ingested: str | None
    chars: int

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "outlet": self.outlet, "url": self.url,
            "published": self.published, "ingested": self.ingested, "chars": self.chars,
        }


@dataclass
class HistoryQuery:
    """The history page's filters: words in the title or outlet, an outlet, a range of
    publication dates (undated articles fall outside any range)."""

    q: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 20
    offset: int = 0


class Keeper(Protocol):
    where: str

    def put(self, key: str, article, ledger: Ledger) -> str: ...
    def get(self, key: str) -> Ledger | None: ...
    def history(self, query: HistoryQuery) -> tuple[list[Entry], int]: ...
    def close(self) -> None: ...


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _matches(entry: Entry, query: HistoryQuery) -> bool:
    if query.q:
        words = query.q.casefold().split()
        hay = f"{entry.title or ''} {entry.outlet or ''}".casefold()
        if not all(w in hay for w in words):
            return False
    if query.outlet and (entry.outlet or "").casefold() != query.outlet.casefold():
        return False
    day = (entry.published or "")[:10]  # as the store does: the date range is of publication
    if query.since and (not day or day < query.since):
        return False
    if query.until and (not day or day > query.until):
        return False
    return True


class MemoryKeeper:
    """The most recently analysed ledgers, in memory and bounded: the oldest go past ``size``."""

    def __init__(self, size: int = 100):
        self.size = max(1, size)
        self.where = f"memory only (the last {self.size} analyses; gone on restart)"
        self._items: OrderedDict[str, tuple[Entry, Ledger]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: str, article, ledger: Ledger) -> str:
        doc = ledger.document
        entry = Entry(key, doc.title, doc.outlet, doc.url, doc.published, _now(), len(doc.text))
        with self._lock:
            self._items.pop(key, None)
            self._items[key] = (entry, ledger)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Ledger | None:
        with self._lock:
            item = self._items.get(key)
            return item[1] if item else None

    def history(self, query: HistoryQuery) -> tuple[list[Entry], int]:
        with self._lock:
            entries = [e for e, _ in reversed(self._items.values())]
        hits = [e for e in entries if _matches(e, query)]
        return hits[query.offset : query.offset + query.limit], len(hits)

    def __len__(self) -> int:
        return len(self._items)

    def close(self) -> None:
        pass


class StoreKeeper:
    """Ledgers in the project's store, so permalinks outlive the server.

    The page's content-derived id is handed to the store as the article's record id; the id
    the store answers with is the one the page links to, so the two can never disagree. The
    store answers with another id only when it already holds the same text with the same
    details (``hearsay.identity``), e.g. an uploaded page's date sent back by "edit and
    re-analyse" as a given one: that stored analysis is this one."""

    def __init__(self, url: str):
        from ..errors import HearsayError

        try:
            from ..store import open_store
        except ImportError:
            raise HearsayError(
                "this hearsay has no store to keep ledgers in (hearsay.store is missing); start it with --no-store"
            ) from None
        try:
            self.store = open_store(url)
        except HearsayError:
            raise
        except Exception as exc:  # the store's own error (StoreError) names the URL and the problem
            raise HearsayError(f"cannot open the store {url}: {exc}") from None
        from ..store.engine import display_url

        # a plain path is shown in full, a URL without its password: /health shows this
        self.where = display_url(url) if "://" in url else os.path.abspath(url)

    def put(self, key: str, article, ledger: Ledger) -> str:
        article.extra = {**(article.extra or {}), "id": key}
        if hasattr(article, "id"):
            article.id = key
        return self.store.put(article, ledger)

    def get(self, key: str) -> Ledger | None:
        return self.store.get_ledger(key)

    def history(self, query: HistoryQuery) -> tuple[list[Entry], int]:
        rows, total = self.store.list_articles(
            outlet=query.outlet or None, q=query.q or None, since=query.since or None,
            until=query.until or None, limit=query.limit, offset=query.offset,
        )
        return [self._entry(r) for r in rows], total

    @staticmethod
    def _entry(row) -> Entry:
        ingested = row.ingested.isoformat(timespec="seconds") if hasattr(row.ingested, "isoformat") else row.ingested
        published = row.published.isoformat() if hasattr(row.published, "isoformat") else row.published
        return Entry(row.id, row.title, row.outlet, row.url, published, ingested, len(row.text or ""))

    def close(self) -> None:
        self.store.close()


def open_keeper(store: str | None, keep: int) -> Keeper:
    """A StoreKeeper on ``store`` (a path or URL), or a MemoryKeeper when ``store`` is None."""
    return MemoryKeeper(keep) if store is None else StoreKeeper(store)
