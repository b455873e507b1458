"""Alembic environment for the hearsay store.

The store applies migrations itself when it is opened (``hearsay.store.open_store``), handing
its own connection in ``config.attributes["connection"]``; there is no alembic.ini. Developers
adding a revision can run ``alembic`` with ``-x url=sqlite:///scratch.db`` against this folder.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from hearsay.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn) -> None:
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    with create_engine(url).connect() as conn:
        _run(conn)
