"""Outgoing email: SMTP in production, an outbox folder in development."""
