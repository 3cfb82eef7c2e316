"""Lexicons the resume parser reads: skills, industries, education levels, places, languages, certificates."""
