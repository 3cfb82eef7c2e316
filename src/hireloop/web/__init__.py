"""The server-rendered HR console (Jinja2 + htmx served by the app itself)."""
