"""Roles and the permissions each grants; API keys carry permissions directly as scopes."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    ANALYST = "analyst"


class Perm(StrEnum):
    JOBS_READ = "jobs:read"
    JOBS_WRITE = "jobs:write"
    CANDIDATES_READ = "candidates:read"
    CANDIDATES_WRITE = "candidates:write"
    APPLICATIONS_READ = "applications:read"
    APPLICATIONS_WRITE = "applications:write"
    INTERVIEWS_READ = "interviews:read"
    INTERVIEWS_WRITE = "interviews:write"
    TASKS_READ = "tasks:read"
    AUDIT_READ = "audit:read"
    CANDIDATES_ERASE = "candidates:erase"
    USERS_MANAGE = "users:manage"
    APIKEYS_MANAGE = "apikeys:manage"
    EMPLOYEES_READ = "employees:read"  # employees, review cycles, reviews, employment changes, exits
    EMPLOYEES_WRITE = "employees:write"
    IMPORTS_RUN = "imports:run"
    WEBHOOKS_MANAGE = "webhooks:manage"
    SCORES_READ = "scores:read"  # composite scores and rankings, without personal data
    REVIEWS_READ = "reviews:read"  # review pages and reports, with evidence quotes and recordings
    REVIEWS_WRITE = "reviews:write"  # scorecards, decisions, overrides, releasing feedback reports
    SCORING_MODELS_MANAGE = "scoring_models:manage"


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.RECRUITER: frozenset(
        {
            Perm.JOBS_READ,
            Perm.JOBS_WRITE,
            Perm.CANDIDATES_READ,
            Perm.CANDIDATES_WRITE,
            Perm.APPLICATIONS_READ,
            Perm.APPLICATIONS_WRITE,
            Perm.INTERVIEWS_READ,
            Perm.INTERVIEWS_WRITE,
            Perm.TASKS_READ,
            Perm.SCORES_READ,
            Perm.REVIEWS_READ,
            Perm.REVIEWS_WRITE,
        }
    ),
    # Hiring managers review and decide, but do not create jobs or candidates.
    Role.HIRING_MANAGER: frozenset(
        {Perm.JOBS_READ, Perm.CANDIDATES_READ, Perm.APPLICATIONS_READ, Perm.APPLICATIONS_WRITE, Perm.INTERVIEWS_READ,
         Perm.SCORES_READ, Perm.REVIEWS_READ, Perm.REVIEWS_WRITE}
    ),
    # Analysts work on aggregates and outcomes; they never see a candidate's contact details.
    # They read performance outcomes and import HR exports (DESIGN section 2), but do not edit records one by one;
    # they see scores without personal data, and propose scoring model versions.
    Role.ANALYST: frozenset({Perm.JOBS_READ, Perm.APPLICATIONS_READ, Perm.TASKS_READ, Perm.EMPLOYEES_READ,
                             Perm.IMPORTS_RUN, Perm.SCORES_READ, Perm.SCORING_MODELS_MANAGE}),
}

# What an API key may be granted: everything but managing people and keys.
API_KEY_SCOPES: frozenset[Perm] = frozenset(Perm) - {Perm.USERS_MANAGE, Perm.APIKEYS_MANAGE}


def permissions_for(role: str) -> frozenset[Perm]:
    """The permissions of a role name; an unknown role has none."""
    try:
        return ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return frozenset()
