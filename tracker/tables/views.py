"""Views: written by the feature."""

from tracker.tables import bp  # noqa: F401
