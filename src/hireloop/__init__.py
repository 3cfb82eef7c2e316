"""HireLoop: open, self-hostable AI video interviews that close the loop to on-the-job performance."""

__version__ = "0.1.0"
