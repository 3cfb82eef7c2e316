"""loop: extra group data of applicants (JSON) and the organization's list of extra groups to audit

Revision ID: 0014
Revises: 0013
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('loop_group_data', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extra', JSON, nullable=True))
    op.create_table('loop_settings',
    sa.Column('audit_groups', JSON, nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_loop_settings_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_settings')),
    sa.UniqueConstraint('org_id', name=op.f('uq_loop_settings_org_id'))
    )
    with op.batch_alter_table('loop_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loop_settings_org_id'), ['org_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('loop_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loop_settings_org_id'))
    op.drop_table('loop_settings')
    with op.batch_alter_table('loop_group_data', schema=None) as batch_op:
        batch_op.drop_column('extra')
