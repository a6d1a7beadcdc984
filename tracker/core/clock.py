"""The workspace's clock: its today, pinned by TRACKER_TODAY, else the real date; and the
moment records are stamped with.

While today is pinned (the demo lives on 20 March 2018), a record created or changed now is
stamped with the pinned date and the real time of day (UTC), so its history fits the story
the workspace tells. Outside an app context, and whenever today is not pinned, it is the real
time. Security windows (sign-in throttle, invitations, mail delivery, calendar stamps) keep
the real time: `tracker.core.models.real_utcnow()`.
"""

from datetime import UTC, date, datetime

from flask import current_app, has_app_context


def pinned_day() -> date | None:
    """The day TRACKER_TODAY pins, if the current app pins one."""
    if not has_app_context():
        return None
    pinned = current_app.config.get("TRACKER_TODAY")
    return date.fromisoformat(pinned) if pinned else None


def today() -> date:
    return pinned_day() or date.today()


def now() -> datetime:
    """The moment to stamp a record with: the real time (UTC), on the pinned day if any."""
    moment = datetime.now(UTC)
    day = pinned_day()
    if day is None:
        return moment
    return datetime.combine(day, moment.timetz())
