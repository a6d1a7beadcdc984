"""Views: written by the feature."""

from tracker.notes import bp  # noqa: F401
