"""content_hash covers the text and its identity details (title, outlet, url, published).

Stores written before this revision hashed the text alone, so one text could be stored only
once: a fixed date or a syndicated copy was refused. The hashes are recomputed from each row's
own columns (ids are kept), so a rerun of the same records still finds them stored.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hearsay.identity import identity_hash

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_articles = sa.table("articles", sa.column("id", sa.String), sa.column("content_hash", sa.String),
                     sa.column("text", sa.Text), sa.column("title", sa.Text), sa.column("outlet", sa.Text),
                     sa.column("url", sa.Text), sa.column("published", sa.String))


def _rehash(digest) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(_articles)).all()
    for r in rows:
        conn.execute(sa.update(_articles).where(_articles.c.id == r.id).values(content_hash=digest(r)))


def upgrade() -> None:
    _rehash(lambda r: identity_hash(r.text, title=r.title, outlet=r.outlet, url=r.url, published=r.published))


def downgrade() -> None:
    # the text alone again; only possible while no text is stored twice with other details
    import hashlib

    _rehash(lambda r: hashlib.sha256(r.text.encode("utf-8")).hexdigest())
