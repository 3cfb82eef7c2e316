"""Candidates and their applications to jobs (the hiring pipeline)."""
