"""A meeting's agenda as an iCalendar file."""

from datetime import date, datetime, time

from icalendar import Calendar

from tests import factories


def test_the_agenda_downloads_as_icalendar_in_the_venue_time_zone(client, login_as):
    meeting = factories.MeetingFactory(slug="pv", timezone="America/Mexico_City")
    factories.MeetingSessionFactory(
        meeting=meeting,
        title="Opening plenary",
        day=date(2017, 12, 2),
        starts_at=time(9, 0),
        ends_at=time(10, 30),
    )
    factories.MeetingSessionFactory(meeting=meeting, title="Group session: ACT 3")
    login_as("observer")
    response = client.get("/meetings/pv/agenda.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Opening plenary", "Group session: ACT 3"}
    start = events["Opening plenary"].decoded("DTSTART")
    assert start.replace(tzinfo=None) == datetime(2017, 12, 2, 9, 0)
    assert str(start.tzinfo) == "America/Mexico_City"
    assert calendar.walk("VTIMEZONE"), "the time zone travels with the file"
    assert client.get("/meetings/nowhere/agenda.ics").status_code == 404
