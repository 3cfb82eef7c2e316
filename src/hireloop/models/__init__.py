"""All ORM tables, importable together so domains reference each other without cycles."""

from hireloop.models.accounts import ApiKey, Organization, User, UserSession
from hireloop.models.audit import AuditEvent
from hireloop.models.base import Base, utcnow
from hireloop.models.candidates import Application, Candidate, StageChange
from hireloop.models.compliance import ConsentRecord, ProcessingRestriction
from hireloop.models.integrations import (
    IdempotencyKey, ImportMapping, ImportRun, WebhookAttempt, WebhookDelivery, WebhookEvent, WebhookSubscription,
)
from hireloop.models.interviews import (
    Answer,
    AnswerAnalysis,
    AnswerUpload,
    CandidateRequest,
    Interview,
    InterviewPlan,
)
from hireloop.models.jobs import Competency, Job
from hireloop.models.loop import LoopApplicant, LoopGroupData, LoopSettings, RiskScoreRow, WeightDecision
from hireloop.models.performance import Employee, EmploymentChange, Exit, PerformanceReview, ReviewCycle
from hireloop.models.screening import Resume, ResumeImport, ScreeningResult
from hireloop.models.scoring import (
    AnswerContentScore,
    Assessment,
    Decision,
    FeedbackSettings,
    Report,
    Scorecard,
    ScoringModel,
)
from hireloop.models.work import BackgroundTask, EmailMessage

__all__ = [
    "Answer",
    "AnswerAnalysis",
    "AnswerContentScore",
    "AnswerUpload",
    "CandidateRequest",
    "Interview",
    "InterviewPlan",
    "ApiKey",
    "Assessment",
    "Decision",
    "FeedbackSettings",
    "Report",
    "Scorecard",
    "ScoringModel",
    "Application",
    "AuditEvent",
    "BackgroundTask",
    "Base",
    "Candidate",
    "Competency",
    "ConsentRecord",
    "EmailMessage",
    "Employee",
    "EmploymentChange",
    "Exit",
    "IdempotencyKey",
    "ImportMapping",
    "ImportRun",
    "Job",
    "LoopApplicant",
    "LoopGroupData",
    "RiskScoreRow",
    "LoopSettings",
    "WeightDecision",
    "Organization",
    "Resume",
    "ResumeImport",
    "ScreeningResult",
    "PerformanceReview",
    "ProcessingRestriction",
    "ReviewCycle",
    "StageChange",
    "User",
    "UserSession",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "utcnow",
]
