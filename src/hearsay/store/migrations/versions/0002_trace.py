"""The trace's tables: traced claims, their appearances, citations and copies.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trace_claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("origin_article", sa.String(), nullable=True),
        sa.Column("origin_source_kind", sa.String(), nullable=True),
        sa.Column("origin_source_label", sa.Text(), nullable=True),
        sa.Column("origin_source_entity", sa.Text(), nullable=True),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("confirmations", sa.Integer(), nullable=False),
        sa.Column("denials", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "trace_appearances",
        sa.Column("trace_claim", sa.String(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_kind", sa.String(), nullable=False),
        sa.Column("source_label", sa.Text(), nullable=False),
        sa.Column("source_entity", sa.Text(), nullable=True),
        sa.Column("stance", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("via_how", sa.String(), nullable=True),
        sa.Column("via_article", sa.String(), nullable=True),
        sa.Column("via_outlet", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("trace_claim", "n"),
    )
    with op.batch_alter_table("trace_appearances", schema=None) as batch_op:
        batch_op.create_index("ix_trace_appearances_article", ["article_id"], unique=False)
    op.create_table(
        "trace_citations",
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("from_article", sa.String(), nullable=False),
        sa.Column("to_outlet", sa.Text(), nullable=False),
        sa.Column("to_article", sa.String(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("n"),
    )
    with op.batch_alter_table("trace_citations", schema=None) as batch_op:
        batch_op.create_index("ix_trace_citations_from", ["from_article"], unique=False)
    op.create_table(
        "trace_copies",
        sa.Column("article_id", sa.String(), nullable=False),
        sa.Column("copy_of", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("article_id"),
    )


def downgrade() -> None:
    op.drop_table("trace_copies")
    with op.batch_alter_table("trace_citations", schema=None) as batch_op:
        batch_op.drop_index("ix_trace_citations_from")
    op.drop_table("trace_citations")
    with op.batch_alter_table("trace_appearances", schema=None) as batch_op:
        batch_op.drop_index("ix_trace_appearances_article")
    op.drop_table("trace_appearances")
    op.drop_table("trace_claims")
