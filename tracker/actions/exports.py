"""Exports of actions: the filtered list as CSV, a person's actions as an iCalendar feed."""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from flask import url_for
from flask_babel import gettext as _
from icalendar import Calendar, Event

from tracker.core.labels import ACTION_PRIORITIES, ACTION_STATUSES
from tracker.core.models import real_utcnow
from tracker.records.actions import Action

# A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """Text a spreadsheet shows as text: formulas are prefixed with an apostrophe (OWASP)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_rows(actions: Iterable[Action], today) -> Iterator[str]:
    """The CSV file, line by line: UTF-8 with a byte-order mark so spreadsheets read accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(
        [
            _("Id"),
            _("ACT"),
            _("Title"),
            _("Status"),
            _("Priority"),
            _("Owner"),
            _("Organisation"),
            _("Due date"),
            _("Overdue"),
            _("Milestone"),
            _("Last change"),
            _("Link"),
        ]
    )
    yield "\ufeff" + flush()
    for action in actions:
        writer.writerow(
            [
                action.id,
                neutralise(action.act.label),
                neutralise(action.title),
                ACTION_STATUSES[str(action.status)],
                ACTION_PRIORITIES[str(action.priority)],
                neutralise(action.owner.name if action.owner else ""),
                neutralise(action.organization.name if action.organization else ""),
                action.due_on.isoformat() if action.due_on else "",
                _("yes") if action.is_overdue(today) else "",
                neutralise(action.milestone.translated("title") if action.milestone else ""),
                action.changed_at.strftime("%Y-%m-%d %H:%M") if action.changed_at else "",
                url_for("actions.show", action_id=action.id, _external=True),
            ]
        )
        yield flush()


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def person_calendar(name: str, actions: Iterable[Action], host: str) -> bytes:
    """A person's actions with a due date, as all-day events on that date."""
    calendar = Calendar()
    calendar.add("prodid", "-//Advocacy tracker//actions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Actions of %(name)s", name=name))
    stamp = real_utcnow()
    for action in actions:
        due_on = action.due_on
        if due_on is None:  # an undated action has no day on a calendar
            continue
        event = Event()
        event.add("uid", f"action-{action.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", f"{action.title} ({action.act.label})")
        event.add("dtstart", due_on)
        event.add("dtend", due_on + timedelta(days=1))
        event.add("last-modified", as_utc(action.changed_at))
        event.add("status", "CANCELLED" if action.status == "dropped" else "CONFIRMED")
        link = url_for("actions.show", action_id=action.id, _external=True)
        event.add("url", link)
        event.add(
            "description",
            f"{ACTION_STATUSES[str(action.status)]} · {action.description}\n\n{link}".strip(),
        )
        calendar.add_component(event)
    return calendar.to_ical()
