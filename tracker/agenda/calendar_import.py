"""Agenda items from an iCalendar file: one per event, as rows of the agenda's header.

Events this workspace exported carry their kind, audience, ACTs, languages and speakers in
X-TRACKER-* properties; an event from another calendar becomes a plenary for civil society
only, its description the purpose. Times are read in the meeting's time zone.
"""

from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import ngettext
from icalendar import Calendar

from tracker.agenda.calendar import meeting_zone
from tracker.core.spreadsheets import MAX_ROWS, LineError, Row, UnreadableFileError
from tracker.records.agenda import Meeting

# The X- property of each column the standard properties do not carry.
EXTRA = {
    "key": "X-TRACKER-KEY",
    "kind": "X-TRACKER-KIND",
    "audience": "X-TRACKER-AUDIENCE",
    "purpose": "X-TRACKER-PURPOSE",
    "languages": "X-TRACKER-LANGUAGES",
    "acts": "X-TRACKER-ACTS",
    "speakers": "X-TRACKER-SPEAKERS",
}


def rows_of(content: bytes, meeting: Meeting) -> list[Row]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise UnreadableFileError([LineError(line, _("This line is not UTF-8 text."))]) from None
    try:
        calendar = Calendar.from_ical(text)
    except ValueError:
        raise UnreadableFileError([LineError(1, _("This is not an iCalendar file."))]) from None
    starts = _event_lines(text)
    events = calendar.walk("VEVENT")
    if len(events) > MAX_ROWS:
        message = ngettext(
            "The file holds more than %(num)d event; split it.",
            "The file holds more than %(num)d events; split it.",
            MAX_ROWS,
        )
        raise UnreadableFileError([LineError(starts[MAX_ROWS], message)])
    zone = meeting_zone(meeting)
    return [
        Row(starts[number] if number < len(starts) else 1, _values(event, zone))
        for number, event in enumerate(events)
    ]


def _values(event, zone) -> dict[str, str]:
    values = {
        "title": str(event.get("SUMMARY", "")).strip(),
        "venue": str(event.get("LOCATION", "")).strip(),
        "purpose": str(event.get("DESCRIPTION", "")).strip(),
    }
    if "X-TRACKER-KIND" in event:  # exported here: the description is not the purpose
        values["purpose"] = ""
    for column, name in EXTRA.items():
        if name in event:
            values[column] = str(event[name]).strip()
    for column, name in (("start", "DTSTART"), ("end", "DTEND")):
        moment = event.decoded(name, None)
        if isinstance(moment, datetime):
            if moment.tzinfo is not None:
                moment = moment.astimezone(zone)
            values["day"] = values.get("day") or moment.date().isoformat()
            values[column] = moment.strftime("%H:%M")
        elif isinstance(moment, date):
            values["day"] = moment.isoformat()
            values[column] = ""
    return values


def _event_lines(text: str) -> list[int]:
    return [
        number
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip().upper() == "BEGIN:VEVENT"
    ]
