"""The store: articles and their ledgers in SQLite or PostgreSQL, one SQLAlchemy Core path.

Every write is one transaction (an article, its ledger and its query rows together), so an
interrupted run never leaves half an article; writing the same article again is a no-op, which
is what makes corpus runs resumable. Only one process writes (the run's driver); readers such as
the web page and the trace open their own ``Store``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator, Optional

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .. import __version__
from ..identity import IDENTITY_FIELDS, identity_hash
from ..identity import iso_date as _date  # the one date form of identity and column
from ..ledger import Ledger
from . import tables as t
from .engine import StoreError, _reason, display_url, make_engine, migrate
from .flatten import ledger_rows

#: the default ``pipeline_version`` of a stored ledger when the caller gives none
DEFAULT_PIPELINE_VERSION = f"hearsay {__version__}"


@dataclass(frozen=True)
class ArticleRow:
    id: str
    content_hash: str
    url: Optional[str]
    outlet: Optional[str]
    title: Optional[str]
    published: Optional[str]
    text: str
    ingested: str
    published_basis: str = "unknown"
    origin: Optional[str] = None


def content_hash(article) -> str:
    """What makes two articles the same article: the analysed text, byte for byte, with the
    details that change its analysis or its place in a trace (title, outlet, url, published;
    ``hearsay.identity``). A syndicated copy or a fixed date is another article."""
    return identity_hash(article.text, **{f: getattr(article, f, None) for f in IDENTITY_FIELDS})


def article_id(article) -> str:
    """The article's own id (``article.id`` or ``article.extra["id"]``, set by the corpus
    readers), else one derived from its content hash, so the same record always gets the same id."""
    given = getattr(article, "id", None) or (getattr(article, "extra", None) or {}).get("id")
    return str(given) if given not in (None, "") else "sha256-" + content_hash(article)[:16]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_ARTICLE_COLS = [t.articles.c[name] for name in
                 ("id", "content_hash", "url", "outlet", "title", "published", "text", "ingested", "published_basis", "origin")]


def _row(r) -> ArticleRow:
    return ArticleRow(**r._mapping)


class Store:
    """An open store. Use ``open_store(url)``; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    # -- context ---------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    # -- writing ---------------------------------------------------------------------------
    def put(self, article, ledger: Ledger, *, pipeline_version: str | None = None) -> str:
        """Store an article and its ledger in one transaction; returns the stored article's id.

        The same id with the same content hash and pipeline version changes nothing. The same id with a
        newer pipeline version (``--refresh``) replaces the ledger and its query rows. The same
        text with the same details (``content_hash``) already stored under another id is not
        stored twice: that id is returned. The same text with other details is another article.
        """
        version = pipeline_version or DEFAULT_PIPELINE_VERSION
        aid = article_id(article)
        digest = content_hash(article)
        try:
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(t.articles.c.id, t.articles.c.content_hash).where(
                        or_(t.articles.c.id == aid, t.articles.c.content_hash == digest))
                ).all()
                same_id = next((r for r in row if r.id == aid), None)
                same_text = next((r for r in row if r.content_hash == digest and r.id != aid), None)
                if same_text is not None and same_id is None:
                    return same_text.id
                if same_id is not None and same_id.content_hash == digest:
                    stored = conn.execute(select(t.ledgers.c.pipeline_version).where(t.ledgers.c.article_id == aid)).scalar()
                    if stored == version:
                        return aid
                if same_id is not None:
                    self._delete(conn, aid)
                conn.execute(insert(t.articles).values(
                    id=aid, content_hash=digest, url=article.url, outlet=article.outlet, title=article.title,
                    published=_date(article.published), published_basis=getattr(article, "published_basis", None) or "unknown",
                    text=article.text, origin=getattr(article, "origin", None), ingested=_now()))
                conn.execute(insert(t.ledgers).values(
                    article_id=aid, schema=ledger.schema_, pipeline_version=version,
                    ledger=ledger.to_json(indent=None), created=_now()))
                for name, rows in ledger_rows(aid, ledger).items():
                    if rows:
                        conn.execute(insert(t.metadata.tables[name]), rows)
            return aid
        except IntegrityError as exc:
            # another writer stored the same article between our read and write: nothing lost
            if self.has(aid) or self.find_by_hash(digest):
                return self.find_by_hash(digest) or aid
            raise StoreError(f"store {display_url(self.url)}: cannot store article {aid}: {_reason(exc)}") from None
        except SQLAlchemyError as exc:
            raise StoreError(f"store {display_url(self.url)}: cannot store article {aid}: {_reason(exc)}") from None

    @staticmethod
    def _delete(conn, aid: str) -> None:
        for table in (*t.QUERY_TABLES, t.ledgers, t.articles):
            key = table.c.id if table is t.articles else table.c.article_id
            conn.execute(delete(table).where(key == aid))

    def put_failure(self, input: str, record: str | None, error: str) -> None:
        """Remember an input that could not be analysed, so a run's losses can be listed later.
        The same failure met again (a rerun retries what failed) is kept once."""
        f = t.failures.c
        same = and_(f.input == str(input), f.error == str(error),
                    f.record.is_(None) if record is None else f.record == record)
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(f.id).where(same).limit(1)).first() is None:
                    conn.execute(insert(t.failures).values(input=str(input), record=record, error=str(error), at=_now()))
        except SQLAlchemyError as exc:
            raise StoreError(f"store {display_url(self.url)}: cannot record failure of {input}: {_reason(exc)}") from None

    # -- reading ---------------------------------------------------------------------------
    def has(self, article_id: str, *, pipeline_version: str | None = None) -> bool:
        """Whether the article is stored (with a ledger made by ``pipeline_version``, if given)."""
        query = select(t.ledgers.c.pipeline_version).where(t.ledgers.c.article_id == article_id)
        with self.engine.connect() as conn:
            stored = conn.execute(query).scalar()
        return stored is not None and (pipeline_version is None or stored == pipeline_version)

    def find_by_hash(self, digest: str) -> Optional[str]:
        """The id of the article stored with this content hash, if any."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(t.articles.c.content_hash == digest)).scalar()

    def stored_keys(self) -> tuple[dict[str, str], set[str]]:
        """Every stored article id with its ledger's pipeline version, and every content hash:
        what a run needs to skip what is already done, read in one pass."""
        with self.engine.connect() as conn:
            versions = dict(conn.execute(select(t.ledgers.c.article_id, t.ledgers.c.pipeline_version)).all())
            hashes = set(conn.execute(select(t.articles.c.content_hash)).scalars())
        return versions, hashes

    def get_ledger(self, article_id: str) -> Optional[Ledger]:
        with self.engine.connect() as conn:
            raw = conn.execute(select(t.ledgers.c.ledger).where(t.ledgers.c.article_id == article_id)).scalar()
        return None if raw is None else Ledger.model_validate_json(raw)

    def get_article(self, article_id: str) -> Optional[ArticleRow]:
        with self.engine.connect() as conn:
            r = conn.execute(select(*_ARTICLE_COLS).where(t.articles.c.id == article_id)).first()
        return None if r is None else _row(r)

    def list_articles(self, *, outlet: str | None = None, q: str | None = None, since=None, until=None,
                      limit: int = 50, offset: int = 0) -> tuple[list[ArticleRow], int]:
        """One page of stored articles, newest first (undated last), and how many match in all.
        ``q`` matches title or outlet (case-insensitive); ``since``/``until`` bound the date."""
        a = t.articles.c
        conds = []
        if outlet:
            conds.append(a.outlet == outlet)
        if q:
            pattern = f"%{q.strip()}%"
            conds.append(or_(a.title.ilike(pattern), a.outlet.ilike(pattern)))
        if since:
            conds.append(a.published >= _date(since))
        if until:
            conds.append(a.published <= _date(until))
        where = and_(*conds) if conds else None
        page = select(*_ARTICLE_COLS).order_by(a.published.is_(None), a.published.desc(), a.ingested.desc(), a.id)
        count = select(func.count()).select_from(t.articles)
        if where is not None:
            page, count = page.where(where), count.where(where)
        with self.engine.connect() as conn:
            total = conn.execute(count).scalar_one()
            rows = conn.execute(page.limit(max(0, int(limit))).offset(max(0, int(offset)))).all()
        return [_row(r) for r in rows], total

    def iter_ledgers(self, batch: int = 500) -> Iterator[tuple[ArticleRow, Ledger]]:
        """Every stored article with its ledger, by publication date (undated last), then id;
        read in pages of ``batch`` so a large store never sits in memory at once."""
        a = t.articles.c
        order = (a.published.is_(None), a.published, a.id)
        query = (select(*_ARTICLE_COLS, t.ledgers.c.ledger)
                 .join(t.ledgers, t.ledgers.c.article_id == a.id).order_by(*order))
        offset = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(query.limit(batch).offset(offset)).all()
            for r in rows:
                m = dict(r._mapping)
                raw = m.pop("ledger")
                yield ArticleRow(**m), Ledger.model_validate_json(raw)
            if len(rows) < batch:
                return
            offset += batch

    def count(self, table: str = "articles") -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one()

    def failures(self, limit: int | None = None) -> list[dict]:
        query = select(t.failures).order_by(t.failures.c.id)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def open_store(url: str) -> Store:
    """Open (creating if needed) the store at ``url``: a file path, ``sqlite:///…`` or
    ``postgresql://…``; the schema is migrated to this hearsay's newest revision."""
    engine = make_engine(url)
    try:
        migrate(engine, url)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot prepare store {display_url(url)}: {_reason(exc)}") from None
    return Store(engine, url)

