"""The app's notion of today: pinned by TRACKER_TODAY, else the real date."""

from datetime import date

from flask import current_app


def today() -> date:
    pinned = current_app.config.get("TRACKER_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()
