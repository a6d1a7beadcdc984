"""The activity log: filtered by person, kind of record and dates, paginated, as CSV."""

import csv
import io
from datetime import UTC, datetime

from sqlalchemy import select

from tests import factories
from tracker.core.extensions import db as _db
from tracker.records import archiving, publishing
from tracker.records.activity import Activity


def _entries():
    ana = factories.UserFactory(role="coordinator", name="Ana Coordinator")
    ben = factories.UserFactory(role="admin", name="Ben Admin")
    note = factories.NoteFactory(title="Notes of the ACT 3 group")
    action = factories.ActionFactory(title='=HYPERLINK("http://evil")')
    draft = factories.DraftFactory(name="Rev 2")
    publishing.publish(note, ana, note.title)
    archiving.archive(action, ana, "Opened twice.")
    archiving.archive(draft, ben, "A leaked version.")
    _db.session.flush()
    when = {
        "note": datetime(2018, 3, 1, 9, tzinfo=UTC),
        "action": datetime(2018, 3, 10, 9, tzinfo=UTC),
        "draft": datetime(2018, 3, 20, 23, 30, tzinfo=UTC),
    }
    for entry in _db.session.scalars(select(Activity)):
        entry.created_at = when[entry.record_type]
    _db.session.commit()
    return ana, ben


def _rows(response) -> list[list[str]]:
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_log_filters_by_person_kind_and_dates(client, login_as, db):
    ana, ben = _entries()
    login_as("coordinator")
    page = client.get("/activity").get_data(as_text=True)
    assert "3 entries" in page
    assert all(name in page for name in ("Ana Coordinator", "Ben Admin", "A leaked version."))

    by_ana = client.get(f"/activity?person={ana.id}").get_data(as_text=True)
    assert "2 entries" in by_ana
    assert "A leaked version." not in by_ana
    drafts = client.get("/activity?type=draft").get_data(as_text=True)
    assert "1 entry" in drafts
    assert "Rev 2" in drafts
    march = client.get("/activity?since=2018-03-05&until=2018-03-20").get_data(as_text=True)
    assert "2 entries" in march  # the 20th counts whole
    assert "Notes of the ACT 3 group" not in march
    none = client.get(f"/activity?person={ben.id}&type=note").get_data(as_text=True)
    assert "Nothing in the log matches these filters." in none


def test_bad_filters_are_refused_with_a_message(client, login_as, db):
    _entries()
    login_as("coordinator")
    backwards = client.get("/activity?since=2018-03-20&until=2018-03-01")
    assert backwards.status_code == 400
    assert "The end date is before the start date." in backwards.get_data(as_text=True)
    assert client.get("/activity?since=20-03-2018").status_code == 400
    assert client.get("/activity?person=99999").status_code == 400
    assert client.get("/activity?type=user_account").status_code == 400
    assert client.get("/activity/export.csv?type=user_account").status_code == 400


def test_the_csv_has_the_same_filters_and_no_formulas(client, login_as, db):
    ana, _ben = _entries()
    login_as("coordinator")
    page = client.get(f"/activity?person={ana.id}").get_data(as_text=True)
    assert f"/activity/export.csv?person={ana.id}" in page
    rows = _rows(client.get(f"/activity/export.csv?person={ana.id}"))
    assert rows[0] == ["When (UTC)", "Who", "What", "Kind of record", "Record", "Id", "Detail"]
    assert [row[2] for row in rows[1:]] == ["Archived", "Published to governments"]
    assert rows[1][0] == "2018-03-10 09:00:00"
    assert rows[1][4].startswith("'=HYPERLINK")
    assert rows[1][6] == "Opened twice."
    assert len(_rows(client.get("/activity/export.csv"))) == 4


def test_the_log_page_runs_the_same_queries_whatever_its_size(client, login_as, count_queries):
    login_as("coordinator")
    sizes = {}
    for count in (3, 40):
        actor = factories.UserFactory(role="coordinator")
        for _ in range(count):
            archiving.archive(factories.NoteFactory(), actor, "Duplicate")
        _db.session.commit()
        client.get("/activity")
        with count_queries() as counter:
            assert client.get("/activity?type=note").status_code == 200
        sizes[count] = counter.count
    assert sizes[3] == sizes[40], sizes
