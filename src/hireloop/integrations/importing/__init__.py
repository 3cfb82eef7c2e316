"""Import tool for messy HR exports (CSV/XLSX): column mapping, type coercion, deduplication, validation report.

Pure: bytes and a mapping in, an ImportPlan (clean records plus the report) out; nothing is written.
"""

from hireloop.integrations.importing.fields import FIELDS, FieldSpec, RecordKind
from hireloop.integrations.importing.mapping import ColumnMapping, RatingScale
from hireloop.integrations.importing.plan import ImportPlan, plan_import
from hireloop.integrations.importing.presets import IBM_HR_ATTRITION, PRESETS, preset, suggest_mapping
from hireloop.integrations.importing.reading import UnreadableFile, read_headers, read_table
from hireloop.integrations.importing.records import (
    EmployeeRecord, EmploymentChangeRecord, ExitRecord, Issue, PerformanceReviewRecord, Record,
)

__all__ = [
    "FIELDS", "IBM_HR_ATTRITION", "PRESETS", "ColumnMapping", "EmployeeRecord", "EmploymentChangeRecord",
    "ExitRecord", "FieldSpec", "ImportPlan", "Issue", "PerformanceReviewRecord", "RatingScale", "Record",
    "RecordKind", "UnreadableFile", "plan_import", "preset", "read_headers", "read_table", "suggest_mapping",
]
