"""The sealed columns of the schema, and raw views of tables that read and write sealed values as they are
stored (for backups, restores and key rotation, which move ciphertext without opening it)."""

from __future__ import annotations

from sqlalchemy import Column, MetaData, Table, Text

from hireloop.crypto.fields import SealedType

_raw = MetaData()


def is_sealed_column(col: Column) -> bool:  # type: ignore[type-arg]
    return isinstance(col.type, SealedType)


def sealed_columns(metadata: MetaData) -> list[tuple[Table, Column]]:  # type: ignore[type-arg]
    return [(t, c) for t in metadata.sorted_tables for c in t.columns if is_sealed_column(c)]


def raw_table(table: Table) -> Table:
    """The same table with every sealed column typed as plain text (no encryption on the way in or out)."""
    if table.name in _raw.tables:
        return _raw.tables[table.name]
    cols = [Column(c.name, Text() if is_sealed_column(c) else c.type, primary_key=c.primary_key, key=c.key)
            for c in table.columns]
    return Table(table.name, _raw, *cols)
