"""Audit log, consent, data requests and retention."""
