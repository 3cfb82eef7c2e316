"""merge the HR-integration branch (0002) with the interviews and screening branch (0005)

Revision ID: 0007
Revises: 0002, 0005
"""
from __future__ import annotations

revision = "0007"
down_revision = ("0002", "0005")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
