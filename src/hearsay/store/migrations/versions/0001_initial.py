"""The first schema: articles, ledgers, the query tables flattened from ledgers, and failures.

Revision ID: 0001
Revises: (none: the first revision)
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('content_hash', sa.String(), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(), nullable=True),
    sa.Column('published_basis', sa.String(), server_default='unknown', nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('ingested', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_content_hash', ['content_hash'], unique=True)
        batch_op.create_index('ix_articles_outlet_published', ['outlet', 'published'], unique=False)
        batch_op.create_index('ix_articles_published', ['published'], unique=False)

    op.create_table('failures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('input', sa.Text(), nullable=False),
    sa.Column('record', sa.Text(), nullable=True),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.create_index('ix_failures_input', ['input'], unique=False)

    op.create_table('attributions',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('attribution_id', sa.String(), nullable=False),
    sa.Column('source_id', sa.String(), nullable=False),
    sa.Column('source_kind', sa.String(), nullable=True),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('cue_class', sa.String(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=False),
    sa.Column('content_end', sa.Integer(), nullable=False),
    sa.Column('polarity', sa.String(), nullable=False),
    sa.Column('parent', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'attribution_id')
    )
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.create_index('ix_attributions_source_kind', ['source_kind'], unique=False)

    op.create_table('claim_entities',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('claim_id', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'claim_id', 'entity_id')
    )
    with op.batch_alter_table('claim_entities', schema=None) as batch_op:
        batch_op.create_index('ix_claim_entities_entity', ['article_id', 'entity_id'], unique=False)

    op.create_table('claims',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('claim_id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.String(), nullable=False),
    sa.Column('source_kind', sa.String(), nullable=True),
    sa.Column('source_label', sa.Text(), nullable=True),
    sa.Column('attribution_id', sa.String(), nullable=True),
    sa.Column('hedged', sa.Boolean(), nullable=False),
    sa.Column('hedges', sa.Text(), nullable=True),
    sa.Column('entities', sa.Text(), nullable=True),
    sa.Column('times', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'claim_id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_source_kind', ['source_kind'], unique=False)

    op.create_table('entities',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('born_earliest', sa.String(), nullable=True),
    sa.Column('born_latest', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'entity_id')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index('ix_entities_name', ['name'], unique=False)

    op.create_table('ledgers',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('schema', sa.String(), nullable=False),
    sa.Column('pipeline_version', sa.String(), nullable=False),
    sa.Column('ledger', sa.Text(), nullable=False),
    sa.Column('created', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    with op.batch_alter_table('ledgers', schema=None) as batch_op:
        batch_op.create_index('ix_ledgers_pipeline_version', ['pipeline_version'], unique=False)

    op.create_table('relations',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('relation_id', sa.String(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('a', sa.String(), nullable=False),
    sa.Column('a_name', sa.Text(), nullable=True),
    sa.Column('b', sa.String(), nullable=False),
    sa.Column('b_name', sa.Text(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('since', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'relation_id')
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index('ix_relations_type', ['type'], unique=False)

    op.create_table('sources',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('source_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=True),
    sa.Column('entity_name', sa.Text(), nullable=True),
    sa.Column('via', sa.String(), nullable=True),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'source_id')
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index('ix_sources_kind', ['kind'], unique=False)

    op.create_table('times',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('time_id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=True),
    sa.Column('range_start', sa.String(), nullable=True),
    sa.Column('range_end', sa.String(), nullable=True),
    sa.Column('anchor', sa.String(), nullable=True),
    sa.Column('inferred', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'time_id')
    )
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.create_index('ix_times_range', ['range_start', 'range_end'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.drop_index('ix_times_range')

    op.drop_table('times')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index('ix_sources_kind')

    op.drop_table('sources')
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index('ix_relations_type')

    op.drop_table('relations')
    with op.batch_alter_table('ledgers', schema=None) as batch_op:
        batch_op.drop_index('ix_ledgers_pipeline_version')

    op.drop_table('ledgers')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index('ix_entities_name')

    op.drop_table('entities')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_source_kind')

    op.drop_table('claims')
    with op.batch_alter_table('claim_entities', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_entities_entity')

    op.drop_table('claim_entities')
    with op.batch_alter_table('attributions', schema=None) as batch_op:
        batch_op.drop_index('ix_attributions_source_kind')

    op.drop_table('attributions')
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.drop_index('ix_failures_input')

    op.drop_table('failures')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_published')
        batch_op.drop_index('ix_articles_outlet_published')
        batch_op.drop_index('ix_articles_content_hash')

    op.drop_table('articles')
