"""Pure analysis libraries: files or arrays in, frozen dataclasses out, no database."""
