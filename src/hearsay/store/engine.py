"""Store URL → SQLAlchemy engine, and the schema brought to the current revision on open.

One code path for both backends: a plain path or ``sqlite:///…`` gives an embedded SQLite
file (WAL, so readers never block the writer), ``postgresql://…`` a server (through psycopg 3).
Alembic migrations run on open; a store written by a newer hearsay (a revision this copy does
not know) is refused before anything touches it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import HearsayError

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(HearsayError):
    """The store cannot be opened or written: unreachable server, newer schema, full disk."""


def normalize_url(url: str) -> str:
    """A store URL for SQLAlchemy: a bare path becomes ``sqlite:///path``; ``postgresql://``
    without a driver uses psycopg 3 (the ``[pg]`` extra)."""
    url = str(url)
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def display_url(url: str) -> str:
    """The URL for messages, without its password."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the store URL, connected once so an unreachable server fails here,
    before any work."""
    full = normalize_url(url)
    shown = display_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise StoreError(f"{url!r} is not a store URL ({exc}); give a file path, sqlite:///FILE or postgresql://…") from None
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:" and not Path(db).parent.exists():
            raise StoreError(f"store {shown}: folder {Path(db).parent} does not exist")
    elif parsed.get_backend_name() != "postgresql":
        raise StoreError(f"store {shown}: only SQLite and PostgreSQL stores are supported")
    try:
        engine = create_engine(full, future=True, pool_pre_ping=parsed.get_backend_name() == "postgresql")
    except ImportError as exc:
        raise StoreError(f"store {shown} needs a database driver that is not installed ({exc}); "
                         "install hearsay's [pg] extra for PostgreSQL") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {shown}: {_reason(exc)}") from None
    return engine


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return " ".join(str(orig or exc).split())[:300]


def _alembic_config(conn: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def current_revisions(conn: Connection) -> set[str]:
    if not inspect(conn).has_table("alembic_version"):
        return set()
    return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def migrate(engine: Engine, url: str) -> None:
    """Bring the schema to the newest revision this hearsay knows; refuse a newer store."""
    from alembic import command

    shown = display_url(url)
    with engine.begin() as conn:
        unknown = current_revisions(conn) - known_revisions()
        if unknown:
            raise StoreError(
                f"store {shown} was written by a newer hearsay (schema revision {', '.join(sorted(unknown))}); "
                "upgrade hearsay to read it (the store was left untouched)"
            )
        command.upgrade(_alembic_config(conn), "head")
