"""One clock for the workspace: its today (pinned by TRACKER_TODAY in the tests and the demo,
20 March 2018) dates what is recorded, and decides which draft is the latest.

Records are stamped with the pinned day and the real time of day (UTC); security, delivery
and calendar times stay real; drafts released after today are not out yet.
"""

import contextvars
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import DateTime, func, select

from tests import factories
from tests.pages import text_of
from tracker.core.extensions import db
from tracker.core.mail import deliver, queue_mail
from tracker.core.models import real_utcnow, utcnow
from tracker.records.notes import Note

PINNED = date(2018, 3, 20)


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _write_a_note(client, login_as) -> datetime:
    """A member writes a note through the app; return when it was stamped."""
    act = factories.ActFactory()
    session = factories.MeetingSessionFactory(kind="group_session", acts=[act])
    login_as("member")
    response = client.post(
        f"/sessions/{session.id}/notes/new",
        data={"title": "Priorities", "body": "Firewalls first.", "act_id": act.id},
    )
    assert response.status_code == 302, response.status_code
    note = db.session.scalar(select(Note).where(Note.title == "Priorities"))
    assert _utc(note.updated_at).date() == _utc(note.created_at).date()
    return _utc(note.created_at)


def test_a_record_made_on_the_pinned_day_carries_it_at_the_real_time_of_day(client, login_as):
    before = datetime.now(UTC)
    stamp = _write_a_note(client, login_as)
    after = datetime.now(UTC)
    assert stamp.date() == PINNED
    if before.date() == after.date():  # not across midnight
        earliest = datetime.combine(PINNED, before.timetz()).replace(microsecond=0)
        assert earliest <= stamp <= datetime.combine(PINNED, after.timetz())


def test_unpinned_records_carry_the_real_date(app, client, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "")
    before = datetime.now(UTC)
    stamp = _write_a_note(client, login_as)
    assert before - timedelta(seconds=1) <= stamp <= datetime.now(UTC)


def test_the_model_clock_is_the_workspaces_in_an_app_and_real_outside():
    assert utcnow().date() == PINNED
    assert utcnow().tzinfo is not None
    assert real_utcnow().date() == datetime.now(UTC).date()
    outside = contextvars.Context().run(utcnow)  # no app context there
    assert abs(outside - datetime.now(UTC)) < timedelta(seconds=5)


def test_mail_and_calendar_times_stay_real(client, login_as):
    message = queue_mail("someone@example.org", "Hello", "Body")
    db.session.flush()
    deliver(message)
    assert _utc(message.sent_at).date() == datetime.now(UTC).date()
    meeting = factories.MeetingFactory(slug="pv")
    factories.MeetingSessionFactory(meeting=meeting)
    login_as("member")
    ics = client.get("/meetings/pv/agenda.ics").get_data(as_text=True)
    assert f"DTSTAMP:{datetime.now(UTC):%Y%m%d}" in ics


def test_the_demo_records_nothing_after_its_today(demo):
    later = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, DateTime):
                last = db.session.scalar(select(func.max(column)))
                if last is not None and _utc(last).date() > PINNED:
                    later.append(f"{table.name}.{column.name}: {last}")
    assert later == []


def test_on_20_march_2018_the_latest_draft_is_the_zero_draft(demo, client, login_as):
    """The demo holds the zero draft (5 February 2018) and the final text (13 July 2018)."""
    login_as("coordinator")
    dashboard = text_of(client.get("/dashboard").get_data(as_text=True))
    assert "carried into the latest draft, Zero draft." in dashboard
    assert "Draft: Final text Not yet released" in dashboard  # on the road, not yet out
    act_page = text_of(client.get("/acts/5").get_data(as_text=True))
    assert "in the latest draft, Zero draft." in act_page
    assert "Final text" not in act_page
    brief = text_of(client.get("/acts/5/brief").get_data(as_text=True))
    assert "Latest draft: Zero draft (Feb 5, 2018)" in brief
    assert "Final text" not in brief
    assert "compared with" not in brief
    markdown = client.get("/acts/5/brief.md").get_data(as_text=True)
    assert "Latest draft: Zero draft" in markdown
    assert "Final text" not in markdown
    drafts = text_of(client.get("/drafts").get_data(as_text=True))
    assert "Final text Not yet released" in drafts
    assert "Zero draft Not yet" not in drafts


def test_once_the_final_text_is_out_it_is_the_latest(app, demo, client, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "2018-07-31")
    login_as("coordinator")
    dashboard = text_of(client.get("/dashboard").get_data(as_text=True))
    assert "carried into the latest draft, Final text." in dashboard
    assert "Not yet released" not in dashboard
    brief = text_of(client.get("/acts/5/brief").get_data(as_text=True))
    assert "Latest draft: Final text (Jul 13, 2018) · compared with Zero draft" in brief
