"""The application stage machine: which moves are allowed, and which need a reason."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    APPLIED = "applied"
    SCREENED = "screened"
    INVITED = "invited"
    INTERVIEWED = "interviewed"
    REVIEWED = "reviewed"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


PIPELINE: list[Stage] = [
    Stage.APPLIED, Stage.SCREENED, Stage.INVITED, Stage.INTERVIEWED, Stage.REVIEWED, Stage.OFFER, Stage.HIRED,
]
CLOSED = {Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN}

# Forward one step or skip ahead (a recruiter may invite straight from applied); any open stage can be
# rejected or withdrawn; a rejected or withdrawn application can be reopened at applied.
TRANSITIONS: dict[Stage, set[Stage]] = {
    s: set(PIPELINE[i + 1 :]) | {Stage.REJECTED, Stage.WITHDRAWN} for i, s in enumerate(PIPELINE[:-1])
}
TRANSITIONS[Stage.HIRED] = set()
TRANSITIONS[Stage.REJECTED] = {Stage.APPLIED}
TRANSITIONS[Stage.WITHDRAWN] = {Stage.APPLIED}

# A person decides every rejection, and says why.
NEEDS_REASON = {Stage.REJECTED, Stage.WITHDRAWN, Stage.APPLIED}


def can_move(src: Stage, dst: Stage) -> bool:
    return dst in TRANSITIONS.get(src, set())
