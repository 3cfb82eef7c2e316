"""merge configured audit groups (0014) with human decisions and request outcomes (0015)

Revision ID: 0016
Revises: 0014, 0015
"""
from __future__ import annotations

revision = "0016"
down_revision = ("0014", "0015")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
