"""Coordinators set up a meeting and its agenda: create, edit, reorder, move; conflicts in
the same room are flagged; a stale save never overwrites; civil-society-only meetings stay
out of observers' sight."""

from datetime import date, time

from sqlalchemy import select

from tests import factories
from tracker.core.extensions import db
from tracker.records.accounts import Organization
from tracker.records.agenda import Meeting, MeetingSession

MEETING = {
    "title": "Regional consultation, Asia-Pacific",
    "city": "Bangkok",
    "country": "Thailand",
    "timezone": "Asia/Bangkok",
    "starts_on": "2018-05-14",
    "ends_on": "2018-05-15",
    "languages": ["en", "fr"],
    "summary": "Two days to prepare the third round.",
}


def item(**fields) -> dict:
    return {
        "day": "2018-05-14",
        "starts_at": "09:00",
        "ends_at": "10:00",
        "kind": "plenary",
        "title": "Opening plenary",
        "purpose": "",
        "venue": "Main hall",
        "audience": "civil_society",
        "speakers": "",
        **fields,
    }


def create_meeting(client, **fields) -> Meeting:
    response = client.post("/meetings/new", data={**MEETING, "audience": "civil_society", **fields})
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.scalar(select(Meeting).where(Meeting.title == MEETING["title"]))


def test_a_coordinator_creates_a_meeting_with_its_agenda(client, login_as):
    factories.ActFactory(number=3, title="Protection")
    login_as("coordinator")
    assert client.get("/agenda").headers["Location"].endswith("/meetings/new")
    meeting = create_meeting(client)
    assert meeting.slug == "regional-consultation-asia-pacific-2018"
    assert meeting.languages == ["en", "fr"]
    assert str(meeting.audience) == "civil_society"
    response = client.post(
        f"/meetings/{meeting.slug}/items/new",
        data=item(
            kind="panel",
            title="Panel on protection",
            acts=["3"],
            speakers="Ana Example | Migrant Forum in Asia | moderator\nBo Example |  | speaker | tbc",
        ),
    )
    assert response.status_code == 302
    added = db.session.scalar(select(MeetingSession).where(MeetingSession.meeting_id == meeting.id))
    assert [act.number for act in added.acts] == [3]
    assert [(s.name, str(s.role), s.tbc) for s in added.speakers] == [
        ("Ana Example", "moderator", False),
        ("Bo Example", "speaker", True),
    ]
    assert added.speakers[0].organization.name == "Migrant Forum in Asia"
    html = client.get(f"/meetings/{meeting.slug}").get_data(as_text=True)
    assert "Panel on protection" in html
    assert "Add to my calendar" in html
    assert f'href="/meetings/{meeting.slug}/agenda.ics"' in html
    assert "Interpretation: EN – FR" in html


def test_bad_input_is_shown_next_to_the_field_and_nothing_saved(client, login_as):
    login_as("coordinator")
    response = client.post("/meetings/new", data={**MEETING, "ends_on": "2018-05-01"})
    assert response.status_code == 422
    assert "The last day comes after the first." in response.get_data(as_text=True)
    assert db.session.scalar(select(Meeting.id)) is None
    meeting = factories.MeetingFactory(starts_on=date(2018, 5, 14), ends_on=date(2018, 5, 15))
    response = client.post(
        f"/meetings/{meeting.slug}/items/new",
        data=item(ends_at="08:00", speakers="Someone | Org | chair"),
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The item ends after it starts." in html
    assert "“chair” is not a speaker" in html
    assert db.session.scalar(select(MeetingSession.id)) is None


def test_two_items_in_the_same_room_at_the_same_time_are_flagged(client, login_as):
    meeting = factories.MeetingFactory(starts_on=date(2018, 5, 14), ends_on=date(2018, 5, 15))
    factories.MeetingSessionFactory(
        meeting=meeting,
        day=date(2018, 5, 14),
        starts_at=time(9, 30),
        ends_at=time(11, 0),
        venue="Main hall",
        title="Panel already there",
    )
    login_as("coordinator")
    response = client.post(
        f"/meetings/{meeting.slug}/items/new", data=item(), follow_redirects=True
    )
    html = response.get_data(as_text=True)
    assert "“Opening plenary” is in the same place at the same time (Panel already there)." in html
    assert html.count("Room conflict") == 2
    client.post(f"/meetings/{meeting.slug}/items/new", data=item(title="Elsewhere", venue="Room B"))
    html = client.get(f"/meetings/{meeting.slug}").get_data(as_text=True)
    assert html.count("Room conflict") == 2


def test_a_stale_save_answers_409_and_overwrites_nothing(client, login_as):
    session = factories.MeetingSessionFactory(title="Saved title")
    db.session.flush()
    stale = session.version
    login_as("coordinator")
    days = item(day="2017-12-02")
    first = client.post(
        f"/sessions/{session.id}/edit", data={**days, "title": "First save", "version": stale}
    )
    assert first.status_code == 302
    second = client.post(
        f"/sessions/{session.id}/edit", data={**days, "title": "Second save", "version": stale}
    )
    html = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "First save" in html
    assert "Second save" in html
    db.session.expire_all()
    assert db.session.get(MeetingSession, session.id).title == "First save"


def test_items_move_in_time_and_in_order(client, login_as):
    meeting = factories.MeetingFactory()
    day = date(2017, 12, 2)
    first = factories.MeetingSessionFactory(
        meeting=meeting,
        day=day,
        starts_at=time(9, 0),
        ends_at=time(10, 0),
        title="First",
        position=1,
    )
    second = factories.MeetingSessionFactory(
        meeting=meeting,
        day=day,
        starts_at=time(10, 0),
        ends_at=time(10, 30),
        title="Second",
        position=2,
    )
    parallel = factories.MeetingSessionFactory(
        meeting=meeting,
        day=day,
        starts_at=time(10, 0),
        ends_at=time(10, 30),
        title="Parallel",
        position=3,
    )
    login_as("coordinator")
    # Items at the same time swap places in the list.
    assert client.post(f"/sessions/{parallel.id}/move/up").status_code == 302
    db.session.expire_all()
    assert [s.title for s in meeting.sessions] == ["First", "Parallel", "Second"]
    # Otherwise they swap times, each keeping its length.
    assert client.post(f"/sessions/{first.id}/move/down").status_code == 302
    db.session.expire_all()
    assert [(s.title, s.starts_at, s.ends_at) for s in meeting.sessions] == [
        ("Parallel", time(9, 0), time(9, 30)),
        ("First", time(9, 30), time(10, 30)),
        ("Second", time(10, 0), time(10, 30)),
    ]
    # And to another time altogether.
    response = client.post(
        f"/sessions/{second.id}/reschedule",
        data={
            "day": "2017-12-03",
            "starts_at": "16:00",
            "ends_at": "17:00",
            "version": second.version,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (second.day, second.starts_at) == (date(2017, 12, 3), time(16, 0))


def test_the_dates_of_a_meeting_never_leave_items_outside(client, login_as):
    meeting = factories.MeetingFactory()
    factories.MeetingSessionFactory(meeting=meeting, day=date(2017, 12, 3))
    login_as("coordinator")
    response = client.post(
        f"/meetings/{meeting.slug}/edit",
        data={
            **MEETING,
            "starts_on": "2017-12-02",
            "ends_on": "2017-12-02",
            "version": meeting.version,
            "audience": "open",
        },
    )
    assert response.status_code == 422
    assert "1 item of the agenda falls outside these dates" in response.get_data(as_text=True)
    db.session.expire_all()
    assert meeting.ends_on == date(2017, 12, 3)


def test_observers_never_see_a_civil_society_only_meeting_nor_its_records(client, login_as):
    open_meeting = factories.MeetingFactory(title="Open meeting", slug="open")
    closed = factories.MeetingFactory(
        title="Strategy retreat", slug="retreat", audience="civil_society"
    )
    item = factories.MeetingSessionFactory(
        meeting=closed, title="Closed strategy session", audience="open"
    )
    factories.SpeakerFactory(session=item, name="Hidden Speaker")
    note = factories.NoteFactory(session=item, visibility="shared", title="Published retreat note")
    report = factories.ReportFactory(session=item, visibility="shared", status="accepted")
    message = factories.KeyMessageFactory(report=report, act=report.act, visibility="shared")
    factories.MeetingSessionFactory(meeting=open_meeting, title="Open session", audience="open")
    login_as("observer")
    html = client.get("/meetings/open").get_data(as_text=True)
    assert "Open session" in html
    assert "Strategy retreat" not in html
    for url in (
        "/meetings/retreat",
        "/meetings/retreat/agenda.ics",
        "/meetings/retreat/agenda.csv",
        f"/sessions/{item.id}",
        f"/notes/{note.id}",
        f"/reports/{report.id}",
        f"/messages/{message.id}",
    ):
        assert client.get(url).status_code == 404, url
    search = client.get("/search?q=retreat").get_data(as_text=True)
    assert "Published retreat note" not in search
    login_as("member")
    html = client.get("/meetings/retreat").get_data(as_text=True)
    assert "Closed strategy session" in html
    assert "Hidden Speaker" in html
    assert "civil society only: government and UN-agency guests do not see it" in html


def test_the_agenda_downloads_as_csv_in_the_import_header(client, login_as):
    meeting = factories.MeetingFactory(slug="csv")
    session = factories.MeetingSessionFactory(meeting=meeting, title="=cmd()", key="k1")
    factories.SpeakerFactory(
        session=session,
        name="Ana",
        organization=factories.OrganizationFactory(name="Org A"),
        tbc=True,
    )
    login_as("member")
    response = client.get("/meetings/csv/agenda.csv")
    assert response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines[0] == "key,day,start,end,kind,title,purpose,venue,audience,languages,acts,speakers"
    assert lines[1].startswith("k1,2017-12-02,14:00,15:25,group_session,'=cmd(),")
    assert lines[1].endswith("Ana | Org A | speaker | tbc")
    assert db.session.scalar(select(Organization.id).where(Organization.name == "Org A"))


def test_a_meeting_saved_meanwhile_shows_both_versions(client, login_as):
    meeting = factories.MeetingFactory(starts_on=date(2018, 5, 14), ends_on=date(2018, 5, 15))
    db.session.flush()
    stale = meeting.version
    login_as("coordinator")
    first = client.post(
        f"/meetings/{meeting.slug}/edit",
        data={**MEETING, "audience": "open", "summary": "Mine first", "version": stale},
    )
    assert first.status_code == 302
    second = client.post(
        f"/meetings/{meeting.slug}/edit",
        data={**MEETING, "audience": "open", "summary": "Theirs second", "version": stale},
    )
    html = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "Mine first" in html
    assert "Theirs second" in html
    db.session.expire_all()
    assert meeting.summary == "Mine first"
