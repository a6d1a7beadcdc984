"""Views: written by the feature."""

from tracker.drafts import bp  # noqa: F401
