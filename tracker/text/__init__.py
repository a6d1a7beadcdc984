"""The text engine: pure Python, no Flask and no database (words, redaction, ...)."""
