"""who decided a rejection, a job's human-review override, and what was done about a candidate's request

Revision ID: 0015
Revises: 0013
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stage_changes") as b:
        b.add_column(sa.Column("decided_by", sa.String(length=200), nullable=True))
    with op.batch_alter_table("jobs") as b:
        b.add_column(sa.Column("human_review_before_rejection", sa.Boolean(), nullable=True))
    with op.batch_alter_table("candidate_requests") as b:
        b.add_column(sa.Column("outcome", sa.Text(), nullable=True))  # sealed (hireloop.crypto)
        b.add_column(sa.Column("handled_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate_requests") as b:
        b.drop_column("handled_by")
        b.drop_column("outcome")
    with op.batch_alter_table("jobs") as b:
        b.drop_column("human_review_before_rejection")
    with op.batch_alter_table("stage_changes") as b:
        b.drop_column("decided_by")
