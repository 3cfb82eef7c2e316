"""The `hireloop` command line."""
