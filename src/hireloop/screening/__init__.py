"""Resume intake and screening: extract text, parse into a profile with spans, match and rank against a job.

Pure library (no database): the domain layer stores what these functions return.
"""

from hireloop.screening.criteria import (
    CriterionResult, CriterionWeights, Evidence, FilterResult, IndustryExperience, JobRequirements, Keyword,
    MatchResult,
)
from hireloop.screening.extract import STATUSES, ExtractedText, ExtractionLimits, extract_many, extract_text, iter_zip
from hireloop.screening.intake import (
    DuplicateKeys, ParsedResume, duplicate_keys, find_duplicates, parse_file, parse_many, parse_zip,
)
from hireloop.screening.match import match, screen
from hireloop.screening.parse import parse_resume
from hireloop.screening.profile import ResumeProfile, Span
from hireloop.screening.rank import ProfileFeatures, ProfileIndex, Ranking, job_vector, profile_features, rank
from hireloop.screening.semantic import SemanticScorer

__all__ = [
    "STATUSES", "CriterionResult", "CriterionWeights", "DuplicateKeys", "Evidence", "ExtractedText",
    "ExtractionLimits", "FilterResult", "IndustryExperience", "JobRequirements", "Keyword", "MatchResult",
    "ParsedResume", "ProfileFeatures", "ProfileIndex", "Ranking", "ResumeProfile", "SemanticScorer", "Span",
    "duplicate_keys", "extract_many", "extract_text", "find_duplicates", "iter_zip", "job_vector", "match",
    "parse_file", "parse_many", "parse_resume", "parse_zip", "profile_features", "rank", "screen",
]
