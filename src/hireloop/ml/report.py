"""Flat rows from the loop's dataclasses, for dashboards, the API and CSV downloads."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _flatten(f"{prefix}{f.name}_", getattr(value, f.name), out)
        return
    key = prefix[:-1]
    if isinstance(value, Mapping):
        for k, v in value.items():
            _flatten(f"{prefix}{k}_", v, out)
    elif isinstance(value, (list, tuple)) and value and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        for k, v in value:  # (name, value) pairs, e.g. impact ratios per group
            out[f"{prefix}{k}"] = _plain(v)
    elif isinstance(value, (list, tuple)):
        out[key] = "; ".join(str(_plain(v)) for v in value if not dataclasses.is_dataclass(v))
    else:
        out[key] = _plain(value)


def _plain(v: Any) -> Any:
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, float) and not np.isfinite(v):
        return None
    return v


def to_records(items: Iterable[Any]) -> list[dict[str, Any]]:
    """One flat dict per dataclass: nested intervals become <field>_estimate, <field>_low, <field>_high."""
    rows = []
    for item in items:
        out: dict[str, Any] = {}
        _flatten("", item, out)
        rows.append(out)
    return rows


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' (CSV
    injection: group values and names come from uploads)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def safe_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: safe_cell(v) for k, v in r.items()} for r in rows]


def to_csv(items: Iterable[Any]) -> str:
    """CSV text of to_records(items); columns are the union of all rows' keys, in first-seen order."""
    rows = to_records(items)
    fields: dict[str, None] = {}
    for r in rows:
        fields.update(dict.fromkeys(r))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields))
    writer.writeheader()
    writer.writerows(safe_rows(rows))
    return buf.getvalue()
