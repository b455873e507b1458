"""sources carry whom a representative speaks for, a joint voice's members, and unresolved speakers.

The ledger's sources have said whom an unnamed representative or an office speaks for
(`represents`), which entities a joint voice stands for (`members`) and whether a pronoun
speaker was left unresolved (`unresolved`); the flat table dropped them, so a query over
sources could not tell "a spokesperson for Acme" from an anonymous voice. Rows stored before
this revision have NULL there until their ledger is stored again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = [("represents_label", sa.Text()), ("represents_entity_id", sa.String()), ("members", sa.Text()),
           ("unresolved", sa.Boolean())]


def upgrade() -> None:
    # a store marked older than it is (its tables made from the current metadata) has them
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("sources")}
    missing = [(name, type_) for name, type_ in COLUMNS if name not in have]
    if not missing:
        return
    with op.batch_alter_table("sources", schema=None) as batch_op:
        for name, type_ in missing:
            batch_op.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
