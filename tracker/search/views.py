"""Views: written by the feature."""

from tracker.search import bp  # noqa: F401
