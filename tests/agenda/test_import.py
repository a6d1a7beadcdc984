"""Importing an agenda: the demo's agenda round-trips through CSV, XLSX and iCalendar into
an empty workspace; a bad file is refused whole, line by line, with nothing saved."""

import io
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests import factories
from tracker.core.extensions import db
from tracker.core.spreadsheets import MAX_ROWS
from tracker.records.accounts import Organization
from tracker.records.agenda import Meeting, MeetingSession
from tracker.records.policy import Role

HEADER = "key,day,start,end,kind,title,purpose,venue,audience,languages,acts,speakers"


def agenda_of(slug: str) -> list[tuple]:
    """The agenda as a reader sees it: every field of every item, with its speakers."""
    meeting = db.session.scalar(select(Meeting).where(Meeting.slug == slug))
    db.session.refresh(meeting)
    return [
        (
            item.key,
            item.day,
            item.starts_at,
            item.ends_at,
            str(item.kind),
            item.title,
            item.purpose,
            item.venue,
            str(item.audience),
            tuple(item.languages),
            tuple(act.number for act in item.acts),
            tuple(
                (s.name, s.organization.name if s.organization else "", str(s.role), s.tbc)
                for s in item.speakers
            ),
        )
        for item in meeting.sessions
    ]


def empty_workspace_with_meeting(slug="imported"):
    """The ACTs of a real installation and one meeting on the demo's dates, nothing else."""
    for number in range(1, 11):
        factories.ActFactory(number=number)
    return factories.MeetingFactory(
        slug=slug,
        starts_on=date(2017, 12, 2),
        ends_on=date(2017, 12, 3),
        timezone="America/Mexico_City",
    )


def export_demo(client, login_as, path: str) -> tuple[list[tuple], bytes]:
    from tracker.data.demo import load_demo

    load_demo()
    login_as(factories.UserFactory(role="coordinator", email="exporter@example.org"))
    response = client.get(f"/meetings/puerto-vallarta-2017/{path}")
    assert response.status_code == 200
    return agenda_of("puerto-vallarta-2017"), response.data


def reset_database() -> None:
    from tests.conftest import empty_tables

    empty_tables()


def import_file(client, slug: str, name: str, content: bytes):
    preview = client.post(
        f"/meetings/{slug}/import",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )
    return preview


def confirm(client, slug: str, preview_html: str):
    import re

    content = re.search(r'name="content" type="hidden" value="([^"]*)"', preview_html)
    filename = re.search(r'name="filename" type="hidden" value="([^"]*)"', preview_html)
    assert content
    assert filename, "the preview carries the file to confirm"
    return client.post(
        f"/meetings/{slug}/import/confirm",
        data={"content": content.group(1), "filename": filename.group(1)},
    )


@pytest.mark.parametrize(
    ("path", "name"), [("agenda.csv", "agenda.csv"), ("agenda.ics", "agenda.ics")]
)
def test_the_demo_agenda_round_trips_into_an_empty_workspace(client, login_as, path, name):
    demo_agenda, exported = export_demo(client, login_as, path)
    reset_database()
    empty_workspace_with_meeting()
    login_as("coordinator")
    preview = import_file(client, "imported", name, exported)
    assert preview.status_code == 200, preview.get_data(as_text=True)
    html = preview.get_data(as_text=True)
    assert f"{len(demo_agenda)} items will be added to the agenda" in html
    assert "International Council of Voluntary Agencies" in html  # a new organisation
    assert db.session.scalar(select(func.count()).select_from(MeetingSession)) == 0
    done = confirm(client, "imported", html)
    assert done.status_code == 302
    assert agenda_of("imported") == demo_agenda


def test_an_xlsx_file_in_the_same_header_imports_the_same_agenda(client, login_as):
    import csv

    demo_agenda, exported = export_demo(client, login_as, "agenda.csv")
    reset_database()
    empty_workspace_with_meeting()
    workbook = Workbook()
    for row in csv.reader(io.StringIO(exported.decode("utf-8-sig"))):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    login_as("coordinator")
    preview = import_file(client, "imported", "agenda.xlsx", buffer.getvalue())
    assert preview.status_code == 200
    assert confirm(client, "imported", preview.get_data(as_text=True)).status_code == 302
    assert agenda_of("imported") == demo_agenda


def refused(client, content: bytes, name: str = "agenda.csv") -> str:
    response = import_file(client, "imported", name, content)
    assert response.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(MeetingSession)) == 0
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0
    return response.get_data(as_text=True)


@pytest.fixture
def coordinator_with_meeting(login_as):
    empty_workspace_with_meeting()
    return login_as("coordinator")


GOOD_LINE = "opening,2017-12-02,08:30,09:50,plenary,Opening,,,open,en fr,3,Ana | New Org"


def test_a_wrong_header_names_the_unknown_and_missing_columns(client, coordinator_with_meeting):
    html = refused(client, b"when,title\n2017-12-02,Opening\n")
    assert "Line 1: Unknown columns: when." in html
    assert "Missing columns: day, start, end." in html


def test_each_bad_line_is_named_and_nothing_is_saved(client, coordinator_with_meeting):
    lines = [
        HEADER,
        GOOD_LINE,
        "a,2017-13-02,08:30,09:50,plenary,Bad day,,,open,,,",
        "b,2017-12-02,10:00,09:00,plenary,Ends before it starts,,,open,,,",
        "c,2017-12-02,10:00,11:00,plenary,Unknown ACT,,,open,,11,",
        "d,2017-12-09,10:00,11:00,plenary,Not a day of the meeting,,,open,,,",
        "e,2017-12-02,10:00,11:00,dance,Unknown kind,,,open,,,",
    ]
    html = refused(client, "\n".join(lines).encode())
    assert "Line 3: “2017-13-02” is not a date" in html
    assert "Line 4: The item ends before it starts." in html
    assert "Line 5: There is no ACT “11” in this workspace." in html
    assert "Line 6: 2017-12-09 is not a day of this meeting" in html
    assert "Line 7: “dance” is not a kind of item" in html
    assert "Line 2:" not in html


def test_a_file_not_in_utf8_names_its_first_bad_line(client, coordinator_with_meeting):
    content = f"{HEADER}\n{GOOD_LINE}\nr,2017-12-02,10:00,11:00,plenary,Réunion,,,open,,,\n"
    html = refused(client, content.encode("latin-1"))
    assert "Line 3: This line is not UTF-8 text" in html


def test_ten_thousand_lines_are_refused_whole(client, coordinator_with_meeting):
    rows = [f"2017-12-02,08:00,09:00,Item {n}" for n in range(10_000)]
    html = refused(client, "\n".join(["day,start,end,title", *rows]).encode())
    assert f"Line {MAX_ROWS + 2}: The file holds more than {MAX_ROWS} rows" in html


def test_a_file_that_is_no_calendar_is_refused(client, coordinator_with_meeting):
    html = refused(client, b"this is not a calendar", "agenda.ics")
    assert "Line 1: This is not an iCalendar file." in html
    html = refused(client, b"not a workbook", "agenda.xlsx")
    assert "Line 1: This is not an XLSX workbook." in html


def test_a_confirmation_with_a_broken_file_saves_nothing(client, coordinator_with_meeting):
    response = client.post(
        "/meetings/imported/import/confirm", data={"content": "%%%", "filename": "a.csv"}
    )
    assert response.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(MeetingSession)) == 0


def test_only_coordinators_import(client, login_as):
    empty_workspace_with_meeting()
    for role in (Role.MEMBER, Role.OBSERVER, Role.RAPPORTEUR):
        login_as(role.value)
        response = import_file(client, "imported", "a.csv", f"{HEADER}\n{GOOD_LINE}".encode())
        assert response.status_code in (403, 404)
    assert db.session.scalar(select(func.count()).select_from(MeetingSession)) == 0
