"""A meeting's agenda as an iCalendar file, in the venue's time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import url_for
from icalendar import Calendar, Event

from tracker.agenda.lines import speakers_text, words
from tracker.core.labels import AUDIENCES, SESSION_KINDS
from tracker.core.models import real_utcnow
from tracker.records.agenda import Meeting, MeetingSession


def meeting_zone(meeting: Meeting) -> ZoneInfo:
    try:
        return ZoneInfo(meeting.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def agenda_calendar(meeting: Meeting, sessions: list[MeetingSession], host: str) -> bytes:
    zone = meeting_zone(meeting)
    calendar = Calendar()
    calendar.add("prodid", "-//Advocacy tracker//agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", meeting.translated("title"))
    stamp = real_utcnow()
    for item in sessions:
        event = Event()
        event.add("uid", f"session-{item.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", item.translated("title"))
        event.add("dtstart", datetime.combine(item.day, item.starts_at, tzinfo=zone))
        event.add("dtend", datetime.combine(item.day, item.ends_at, tzinfo=zone))
        if item.venue:
            event.add("location", item.venue)
        lines = [str(SESSION_KINDS[str(item.kind)]), str(AUDIENCES[str(item.audience)])]
        if item.purpose:
            lines.append(item.purpose)
        link = url_for("thread.session", session_id=item.id, _external=True)
        lines.append(link)
        event.add("description", "\n\n".join(lines))
        event.add("url", link)
        _add_agenda_fields(event, item)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _add_agenda_fields(event: Event, item: MeetingSession) -> None:
    """What the standard properties do not carry, so an exported agenda imports again whole."""
    event.add("x-tracker-key", item.key)
    event.add("x-tracker-kind", str(item.kind))
    event.add("x-tracker-audience", str(item.audience))
    if item.purpose:
        event.add("x-tracker-purpose", item.purpose)
    if item.languages:
        event.add("x-tracker-languages", words(item.languages))
    if item.acts:
        event.add("x-tracker-acts", words(act.number for act in item.acts))
    if item.speakers:
        event.add("x-tracker-speakers", speakers_text(item, "; "))
