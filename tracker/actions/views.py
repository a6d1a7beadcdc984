"""Views: written by the feature."""

from tracker.actions import bp  # noqa: F401
