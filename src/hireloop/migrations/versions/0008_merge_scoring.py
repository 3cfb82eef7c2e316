"""merge the scoring and reports branch (0006) with the rest (0007)

Revision ID: 0008
Revises: 0006, 0007
"""
from __future__ import annotations

revision = "0008"
down_revision = ("0006", "0007")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
