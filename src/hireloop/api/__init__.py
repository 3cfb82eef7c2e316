"""The FastAPI application: /api/v1, the HR console and the error handlers."""
