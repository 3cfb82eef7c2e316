"""Jobs and their competency models."""
