"""Views: written by the feature."""

from tracker.reports import bp  # noqa: F401
