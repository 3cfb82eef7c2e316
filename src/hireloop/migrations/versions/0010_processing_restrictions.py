"""processing restrictions: a candidate's opt-out of automated analysis, and human review before rejection

Revision ID: 0010
Revises: 0008
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('processing_restrictions',
    sa.Column('candidate_id', sa.Uuid(), nullable=False),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('request_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_processing_restrictions_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_processing_restrictions_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_processing_restrictions_org_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['candidate_requests.id'], name=op.f('fk_processing_restrictions_request_id_candidate_requests'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_restrictions'))
    )
    with op.batch_alter_table('processing_restrictions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processing_restrictions_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_restrictions_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_restrictions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_processing_restrictions_org_id'), ['org_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('processing_restrictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processing_restrictions_org_id'))
        batch_op.drop_index(batch_op.f('ix_processing_restrictions_created_at'))
        batch_op.drop_index(batch_op.f('ix_processing_restrictions_candidate_id'))
        batch_op.drop_index(batch_op.f('ix_processing_restrictions_application_id'))

    op.drop_table('processing_restrictions')
