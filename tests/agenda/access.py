"""Routes of the agenda: the meetings' agendas and their iCalendar files."""

from tests.access import Route

ROUTES = [
    Route("agenda.index", lambda w: "/agenda"),
    Route("agenda.meeting", lambda w: f"/meetings/{w.meeting.slug}"),
    Route("agenda.ical", lambda w: f"/meetings/{w.meeting.slug}/agenda.ics"),
]
