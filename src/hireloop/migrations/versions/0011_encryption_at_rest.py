"""encryption at rest: personal fields become sealed text, with keyed hashes for exact-match search

Existing values are sealed with the primary data key (hireloop.crypto); upgrading therefore needs the keys
(the key file is created on first use when none is configured).

Revision ID: 0011
Revises: 0008
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None

# (table, column, json?, old type for the downgrade)
SEALED = [
    ("candidates", "full_name", False, sa.String(200)),
    ("candidates", "email", False, sa.String(254)),
    ("candidates", "phone", False, sa.String(40)),
    ("candidates", "notes", False, sa.Text()),
    ("candidates", "profile", True, sa.JSON()),
    ("employees", "full_name", False, sa.String(200)),
    ("employees", "email", False, sa.String(254)),
    ("employees", "phone", False, sa.String(40)),
    ("resumes", "text", False, sa.Text()),
    ("resumes", "profile", True, sa.JSON()),
    ("answer_analyses", "transcript", True, sa.JSON()),
    ("answer_content_scores", "result", True, sa.JSON()),
    ("assessments", "competencies", True, sa.JSON()),
    ("scorecards", "notes", False, sa.Text()),
    ("candidate_requests", "details", False, sa.Text()),
    ("email_messages", "to_address", False, sa.String(254)),
    ("email_messages", "subject", False, sa.String(300)),
    ("email_messages", "body_text", False, sa.Text()),
]
HASHES = {"candidates": [("full_name", "name_hash", "name"), ("email", "email_hash", "email"),
                         ("phone", "phone_hash", "phone")],
          "email_messages": [("to_address", "to_hash", "email")]}


def _old_type(old: sa.types.TypeEngine, pg: bool) -> sa.types.TypeEngine:
    if isinstance(old, sa.JSON) and pg:
        from sqlalchemy.dialects.postgresql import JSONB
        return JSONB()
    return old


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    with op.batch_alter_table("candidates") as b:
        b.drop_index("ix_candidates_email")
        b.drop_index("ix_candidates_phone")
        for col in ("name_hash", "email_hash", "phone_hash"):
            b.add_column(sa.Column(col, sa.String(40), nullable=True))
            b.create_index(f"ix_candidates_{col}", [col])
    with op.batch_alter_table("email_messages") as b:
        b.add_column(sa.Column("to_hash", sa.String(40), nullable=True))
        b.create_index("ix_email_messages_to_hash", ["to_hash"])
    for table, column, _is_json, _old in SEALED:
        # PostgreSQL enforces VARCHAR lengths and JSONB syntax, so the columns become TEXT; SQLite stores any text
        # in any column, so its tables are not rebuilt (a rebuild of a big table is slow, and risky: see env.py).
        if pg:
            op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE TEXT USING "{column}"::text')
    _seal_existing(bind)


def _seal_existing(bind: sa.engine.Connection) -> None:
    from hireloop.crypto.fields import blind_index, decrypt_text, encrypt_text, is_sealed

    for table, column, _is_json, _old in SEALED:
        for rid, value in _rows(bind, f'SELECT id, "{column}" FROM {table} WHERE "{column}" IS NOT NULL'):
            if not is_sealed(value):
                bind.execute(sa.text(f'UPDATE {table} SET "{column}" = :v WHERE id = :id'),
                             {"v": encrypt_text(value, f"{table}.{column}"), "id": rid})
    for table, pairs in HASHES.items():
        cols = ", ".join(f'"{c}"' for c, _, _ in pairs)
        for rid, *values in _rows(bind, f"SELECT id, {cols} FROM {table}"):
            params = {h: blind_index(decrypt_text(v, f"{table}.{c}") if v else None, kind)
                      for (c, h, kind), v in zip(pairs, values, strict=True)}
            sets = ", ".join(f"{h} = :{h}" for h in params)
            bind.execute(sa.text(f"UPDATE {table} SET {sets} WHERE id = :id"), {**params, "id": rid})


def _rows(bind: sa.engine.Connection, sql: str, batch: int = 1000):  # noqa: ANN202
    """The rows of `sql` a batch at a time, ordered by id (keyset), so a big table is never held whole."""
    last = None
    while True:
        where = "" if last is None else (" AND id > :last" if " WHERE " in sql else " WHERE id > :last")
        rows = bind.execute(sa.text(f"{sql}{where} ORDER BY id LIMIT {batch}"),
                            {} if last is None else {"last": last}).all()
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1][0]


def downgrade() -> None:
    from hireloop.crypto.fields import decrypt_text

    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    for table, column, is_json, old in SEALED:
        for rid, value in _rows(bind, f'SELECT id, "{column}" FROM {table} WHERE "{column}" IS NOT NULL'):
            plain = decrypt_text(value, f"{table}.{column}")
            if is_json:
                json.loads(plain)  # it must be a JSON document again
            bind.execute(sa.text(f'UPDATE {table} SET "{column}" = :v WHERE id = :id'), {"v": plain, "id": rid})
        if pg:
            cast = _old_type(old, pg).compile(dialect=bind.dialect)
            op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE {cast} USING "{column}"::{cast}')
    with op.batch_alter_table("email_messages") as b:
        b.drop_index("ix_email_messages_to_hash")
        b.drop_column("to_hash")
    with op.batch_alter_table("candidates") as b:
        for col in ("name_hash", "email_hash", "phone_hash"):
            b.drop_index(f"ix_candidates_{col}")
            b.drop_column(col)
        b.create_index("ix_candidates_email", ["email"])
        b.create_index("ix_candidates_phone", ["phone"])
