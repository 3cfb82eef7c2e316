"""Organizations, users, roles, sessions and API keys."""
