"""Views: written by the feature."""

from tracker.notifications import bp  # noqa: F401
