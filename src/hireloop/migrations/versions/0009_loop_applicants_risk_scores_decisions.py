"""loop: past applicants with group data kept apart, stored risk scores, weight proposal decisions

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 21:13:45.144289
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('loop_weight_decisions',
    sa.Column('loop_job', sa.String(length=200), nullable=False),
    sa.Column('job_id', sa.Uuid(), nullable=True),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('scoring_model_version', sa.Integer(), nullable=True),
    sa.Column('proposal', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_loop_weight_decisions_job_id_jobs'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_loop_weight_decisions_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_weight_decisions'))
    )
    with op.batch_alter_table('loop_weight_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loop_weight_decisions_decided_at'), ['decided_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_weight_decisions_job_id'), ['job_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_weight_decisions_loop_job'), ['loop_job'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_weight_decisions_org_id'), ['org_id'], unique=False)

    op.create_table('loop_applicants',
    sa.Column('remote_id', sa.String(length=120), nullable=False),
    sa.Column('job', sa.String(length=200), nullable=False),
    sa.Column('applied_period', sa.String(length=7), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('hired', sa.Boolean(), nullable=False),
    sa.Column('employee_id', sa.Uuid(), nullable=True),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('interview_score', sa.Double(), nullable=True),
    sa.Column('resume_match', sa.Double(), nullable=True),
    sa.Column('measures', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_loop_applicants_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_loop_applicants_employee_id_employees'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_loop_applicants_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_applicants')),
    sa.UniqueConstraint('org_id', 'remote_id', name=op.f('uq_loop_applicants_org_id'))
    )
    with op.batch_alter_table('loop_applicants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loop_applicants_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_applicants_applied_period'), ['applied_period'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_applicants_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_applicants_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_applicants_job'), ['job'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_applicants_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_applicants_updated_at'), ['updated_at'], unique=False)

    op.create_table('loop_risk_scores',
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('job', sa.String(length=200), nullable=True),
    sa.Column('model_name', sa.String(length=64), nullable=False),
    sa.Column('model_version', sa.Integer(), nullable=False),
    sa.Column('risk', sa.Double(), nullable=False),
    sa.Column('band', sa.String(length=8), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=True),
    sa.Column('factors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_loop_risk_scores_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_loop_risk_scores_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_risk_scores'))
    )
    with op.batch_alter_table('loop_risk_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loop_risk_scores_computed_at'), ['computed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_risk_scores_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_risk_scores_job'), ['job'], unique=False)
        batch_op.create_index(batch_op.f('ix_loop_risk_scores_org_id'), ['org_id'], unique=False)

    op.create_table('loop_group_data',
    sa.Column('applicant_id', sa.Uuid(), nullable=False),
    sa.Column('sex', sa.String(length=16), nullable=True),
    sa.Column('age_band', sa.String(length=16), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['loop_applicants.id'], name=op.f('fk_loop_group_data_applicant_id_loop_applicants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_loop_group_data_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_group_data')),
    sa.UniqueConstraint('applicant_id', name=op.f('uq_loop_group_data_applicant_id'))
    )
    with op.batch_alter_table('loop_group_data', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loop_group_data_org_id'), ['org_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('loop_group_data', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loop_group_data_org_id'))

    op.drop_table('loop_group_data')
    with op.batch_alter_table('loop_risk_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loop_risk_scores_org_id'))
        batch_op.drop_index(batch_op.f('ix_loop_risk_scores_job'))
        batch_op.drop_index(batch_op.f('ix_loop_risk_scores_employee_id'))
        batch_op.drop_index(batch_op.f('ix_loop_risk_scores_computed_at'))

    op.drop_table('loop_risk_scores')
    with op.batch_alter_table('loop_applicants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loop_applicants_updated_at'))
        batch_op.drop_index(batch_op.f('ix_loop_applicants_org_id'))
        batch_op.drop_index(batch_op.f('ix_loop_applicants_job'))
        batch_op.drop_index(batch_op.f('ix_loop_applicants_employee_id'))
        batch_op.drop_index(batch_op.f('ix_loop_applicants_created_at'))
        batch_op.drop_index(batch_op.f('ix_loop_applicants_applied_period'))
        batch_op.drop_index(batch_op.f('ix_loop_applicants_application_id'))

    op.drop_table('loop_applicants')
    with op.batch_alter_table('loop_weight_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loop_weight_decisions_org_id'))
        batch_op.drop_index(batch_op.f('ix_loop_weight_decisions_loop_job'))
        batch_op.drop_index(batch_op.f('ix_loop_weight_decisions_job_id'))
        batch_op.drop_index(batch_op.f('ix_loop_weight_decisions_decided_at'))

    op.drop_table('loop_weight_decisions')

