"""HR-system integration: pure import-cleaning and webhook libraries (the lead adds the database and API layer)."""
