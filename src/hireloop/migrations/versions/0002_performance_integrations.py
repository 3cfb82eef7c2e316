"""performance and integrations: employees, reviews, changes, exits, webhooks, idempotency, import mappings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:59:44.839392
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('idempotency_keys',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('scope', sa.String(length=200), nullable=False),
    sa.Column('request_hash', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('response', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_idempotency_keys_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_keys')),
    sa.UniqueConstraint('org_id', 'key', 'scope', name=op.f('uq_idempotency_keys_org_id'))
    )
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_keys_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_idempotency_keys_org_id'), ['org_id'], unique=False)

    op.create_table('import_mappings',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('mapping', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_import_mappings_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_mappings')),
    sa.UniqueConstraint('org_id', 'name', name=op.f('uq_import_mappings_org_id'))
    )
    with op.batch_alter_table('import_mappings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_mappings_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_mappings_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_mappings_updated_at'), ['updated_at'], unique=False)

    op.create_table('import_runs',
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('mapping_name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('counts', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_import_runs_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_runs'))
    )
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_runs_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_runs_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_runs_source_sha256'), ['source_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_runs_updated_at'), ['updated_at'], unique=False)

    op.create_table('review_cycles',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('rating_min', sa.Double(), nullable=False),
    sa.Column('rating_max', sa.Double(), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('rating_labels', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_review_cycles_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_cycles')),
    sa.UniqueConstraint('org_id', 'period', name=op.f('uq_review_cycles_org_id'))
    )
    with op.batch_alter_table('review_cycles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_cycles_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_cycles_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_cycles_updated_at'), ['updated_at'], unique=False)

    op.create_table('webhook_events',
    sa.Column('msg_id', sa.String(length=40), nullable=False),
    sa.Column('event_type', sa.String(length=100), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_webhook_events_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_events')),
    sa.UniqueConstraint('msg_id', name=op.f('uq_webhook_events_msg_id'))
    )
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_events_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_events_event_type'), ['event_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_events_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_events_org_id'), ['org_id'], unique=False)

    op.create_table('webhook_subscriptions',
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('event_types', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('secret', sa.String(length=200), nullable=False),
    sa.Column('previous_secret', sa.String(length=200), nullable=True),
    sa.Column('previous_secret_expires_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('disabled_reason', sa.String(length=500), nullable=True),
    sa.Column('disabled_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_webhook_subscriptions_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_subscriptions'))
    )
    with op.batch_alter_table('webhook_subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_subscriptions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_subscriptions_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_subscriptions_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_subscriptions_updated_at'), ['updated_at'], unique=False)

    op.create_table('webhook_deliveries',
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('subscription_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_status_code', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('delivered_at', sa.DateTime(), nullable=True),
    sa.Column('replay_of_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['webhook_events.id'], name=op.f('fk_webhook_deliveries_event_id_webhook_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_webhook_deliveries_org_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subscription_id'], ['webhook_subscriptions.id'], name=op.f('fk_webhook_deliveries_subscription_id_webhook_subscriptions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_deliveries'))
    )
    with op.batch_alter_table('webhook_deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_subscription_id'), ['subscription_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_updated_at'), ['updated_at'], unique=False)

    op.create_table('employees',
    sa.Column('remote_id', sa.String(length=120), nullable=True),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('candidate_id', sa.Uuid(), nullable=True),
    sa.Column('full_name', sa.String(length=200), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('job_title', sa.String(length=200), nullable=True),
    sa.Column('department', sa.String(length=200), nullable=True),
    sa.Column('location', sa.String(length=200), nullable=True),
    sa.Column('hire_date', sa.Date(), nullable=True),
    sa.Column('manager_remote_id', sa.String(length=120), nullable=True),
    sa.Column('monthly_pay', sa.Double(), nullable=True),
    sa.Column('sex', sa.String(length=16), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('interview_results', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('attributes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_employees_application_id_applications'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_employees_candidate_id_candidates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_employees_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employees')),
    sa.UniqueConstraint('org_id', 'remote_id', name=op.f('uq_employees_org_id'))
    )
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employees_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_updated_at'), ['updated_at'], unique=False)

    op.create_table('webhook_attempts',
    sa.Column('delivery_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('duration_ms', sa.Double(), nullable=False),
    sa.Column('response_excerpt', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['delivery_id'], ['webhook_deliveries.id'], name=op.f('fk_webhook_attempts_delivery_id_webhook_deliveries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_webhook_attempts_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_attempts'))
    )
    with op.batch_alter_table('webhook_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_attempts_delivery_id'), ['delivery_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_attempts_org_id'), ['org_id'], unique=False)

    op.create_table('employment_changes',
    sa.Column('remote_id', sa.String(length=200), nullable=True),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('from_job_title', sa.String(length=200), nullable=True),
    sa.Column('to_job_title', sa.String(length=200), nullable=True),
    sa.Column('from_department', sa.String(length=200), nullable=True),
    sa.Column('to_department', sa.String(length=200), nullable=True),
    sa.Column('new_monthly_pay', sa.Double(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('attributes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_employment_changes_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_employment_changes_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employment_changes')),
    sa.UniqueConstraint('org_id', 'remote_id', name=op.f('uq_employment_changes_org_id'))
    )
    with op.batch_alter_table('employment_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employment_changes_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_employment_changes_effective_date'), ['effective_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_employment_changes_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employment_changes_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_employment_changes_updated_at'), ['updated_at'], unique=False)

    op.create_table('exits',
    sa.Column('remote_id', sa.String(length=200), nullable=True),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('exit_date', sa.Date(), nullable=True),
    sa.Column('exit_type', sa.String(length=16), nullable=False),
    sa.Column('reason_category', sa.String(length=40), nullable=True),
    sa.Column('reason_text', sa.Text(), nullable=True),
    sa.Column('regretted', sa.Boolean(), nullable=True),
    sa.Column('attributes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_exits_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_exits_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exits')),
    sa.UniqueConstraint('org_id', 'remote_id', name=op.f('uq_exits_org_id'))
    )
    with op.batch_alter_table('exits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exits_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_exits_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exits_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exits_updated_at'), ['updated_at'], unique=False)

    op.create_table('performance_reviews',
    sa.Column('remote_id', sa.String(length=200), nullable=True),
    sa.Column('employee_id', sa.Uuid(), nullable=False),
    sa.Column('cycle_id', sa.Uuid(), nullable=True),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('rating', sa.Double(), nullable=True),
    sa.Column('rating_normalised', sa.Double(), nullable=True),
    sa.Column('kpi_target', sa.Double(), nullable=True),
    sa.Column('kpi_actual', sa.Double(), nullable=True),
    sa.Column('attainment_pct', sa.Double(), nullable=True),
    sa.Column('met_target', sa.Boolean(), nullable=True),
    sa.Column('reviewer', sa.String(length=200), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('attributes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('org_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['cycle_id'], ['review_cycles.id'], name=op.f('fk_performance_reviews_cycle_id_review_cycles'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_performance_reviews_employee_id_employees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], name=op.f('fk_performance_reviews_org_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_performance_reviews')),
    sa.UniqueConstraint('org_id', 'remote_id', name=op.f('uq_performance_reviews_org_id'))
    )
    with op.batch_alter_table('performance_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_performance_reviews_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_performance_reviews_cycle_id'), ['cycle_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_performance_reviews_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_performance_reviews_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_performance_reviews_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_performance_reviews_updated_at'), ['updated_at'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('performance_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_performance_reviews_updated_at'))
        batch_op.drop_index(batch_op.f('ix_performance_reviews_period'))
        batch_op.drop_index(batch_op.f('ix_performance_reviews_org_id'))
        batch_op.drop_index(batch_op.f('ix_performance_reviews_employee_id'))
        batch_op.drop_index(batch_op.f('ix_performance_reviews_cycle_id'))
        batch_op.drop_index(batch_op.f('ix_performance_reviews_created_at'))

    op.drop_table('performance_reviews')
    with op.batch_alter_table('exits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exits_updated_at'))
        batch_op.drop_index(batch_op.f('ix_exits_org_id'))
        batch_op.drop_index(batch_op.f('ix_exits_employee_id'))
        batch_op.drop_index(batch_op.f('ix_exits_created_at'))

    op.drop_table('exits')
    with op.batch_alter_table('employment_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employment_changes_updated_at'))
        batch_op.drop_index(batch_op.f('ix_employment_changes_org_id'))
        batch_op.drop_index(batch_op.f('ix_employment_changes_employee_id'))
        batch_op.drop_index(batch_op.f('ix_employment_changes_effective_date'))
        batch_op.drop_index(batch_op.f('ix_employment_changes_created_at'))

    op.drop_table('employment_changes')
    with op.batch_alter_table('webhook_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_attempts_org_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_attempts_delivery_id'))

    op.drop_table('webhook_attempts')
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employees_updated_at'))
        batch_op.drop_index(batch_op.f('ix_employees_status'))
        batch_op.drop_index(batch_op.f('ix_employees_org_id'))
        batch_op.drop_index(batch_op.f('ix_employees_created_at'))
        batch_op.drop_index(batch_op.f('ix_employees_candidate_id'))
        batch_op.drop_index(batch_op.f('ix_employees_application_id'))

    op.drop_table('employees')
    with op.batch_alter_table('webhook_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_updated_at'))
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_subscription_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_status'))
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_org_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_event_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_created_at'))

    op.drop_table('webhook_deliveries')
    with op.batch_alter_table('webhook_subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_subscriptions_updated_at'))
        batch_op.drop_index(batch_op.f('ix_webhook_subscriptions_status'))
        batch_op.drop_index(batch_op.f('ix_webhook_subscriptions_org_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_subscriptions_created_at'))

    op.drop_table('webhook_subscriptions')
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_events_org_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_events_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_webhook_events_event_type'))
        batch_op.drop_index(batch_op.f('ix_webhook_events_created_at'))

    op.drop_table('webhook_events')
    with op.batch_alter_table('review_cycles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_cycles_updated_at'))
        batch_op.drop_index(batch_op.f('ix_review_cycles_org_id'))
        batch_op.drop_index(batch_op.f('ix_review_cycles_created_at'))

    op.drop_table('review_cycles')
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_runs_updated_at'))
        batch_op.drop_index(batch_op.f('ix_import_runs_source_sha256'))
        batch_op.drop_index(batch_op.f('ix_import_runs_org_id'))
        batch_op.drop_index(batch_op.f('ix_import_runs_created_at'))

    op.drop_table('import_runs')
    with op.batch_alter_table('import_mappings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_mappings_updated_at'))
        batch_op.drop_index(batch_op.f('ix_import_mappings_org_id'))
        batch_op.drop_index(batch_op.f('ix_import_mappings_created_at'))

    op.drop_table('import_mappings')
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_org_id'))
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_expires_at'))

    op.drop_table('idempotency_keys')

