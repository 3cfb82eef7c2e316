"""Who is acting: a user, an API key, or the system itself."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from hireloop.accounts.permissions import Perm
from hireloop.errors import Forbidden


@dataclass(frozen=True)
class Actor:
    """The authenticated principal of a request, command or task, always bound to one organization."""

    org_id: uuid.UUID
    kind: str  # user | api_key | system
    id: uuid.UUID | None
    name: str
    role: str | None = None
    permissions: frozenset[Perm] = field(default_factory=frozenset)
    locale: str | None = None
    csrf_token: str | None = None

    def can(self, perm: Perm) -> bool:
        return perm in self.permissions

    def require(self, perm: Perm) -> None:
        if perm not in self.permissions:
            raise Forbidden(
                f"Your account lacks the '{perm}' permission. Ask an administrator for a role that has it.",
                code="permission_denied",
            )


def system_actor(org_id: uuid.UUID, name: str = "system") -> Actor:
    """The actor for background work and CLI commands acting on an organization."""
    return Actor(org_id=org_id, kind="system", id=None, name=name, permissions=frozenset(Perm))
