"""CSV of the filtered list, the personal calendar feed, the digest."""

import csv
import io
import re
from datetime import date

from icalendar import Calendar
from sqlalchemy import select

from tests import factories
from tracker.core.mail import OutboxMessage


def test_the_csv_round_trips_with_names_accents_and_no_formulas(client, login_as):
    act = factories.ActFactory(number=3, title="Protection")
    owner = factories.UserFactory(role="member", name="Zoë Núñez")
    org = factories.OrganizationFactory(name="Instituto para las Mujeres en la Migración")
    factories.ActionFactory(
        act=act,
        owner=owner,
        organization=org,
        title='=HYPERLINK("http://evil")',
        due_on=date(2018, 3, 1),
    )
    factories.ActionFactory(act=act, owner=owner, title="Réunion, señal", status="done")
    factories.ActionFactory(title="Another ACT")
    login_as("member")
    response = client.get("/actions/export.csv?act=3")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [row["Title"] for row in rows] == ['\'=HYPERLINK("http://evil")', "Réunion, señal"]
    first = rows[0]
    assert first["ACT"] == "ACT 3: Protection"
    assert first["Owner"] == "Zoë Núñez"
    assert first["Organisation"] == "Instituto para las Mujeres en la Migración"
    assert (first["Due date"], first["Overdue"], first["Status"]) == ("2018-03-01", "yes", "Open")
    assert rows[1]["Status"] == "Done"
    assert rows[1]["Overdue"] == ""


def test_the_calendar_feed_is_secret_revocable_and_valid(client, login_as, db):
    member = factories.UserFactory(role="member")
    brief = factories.ActionFactory(owner=member, title="Brief missions", due_on=date(2018, 4, 2))
    factories.ActionFactory(owner=member, title="No date", due_on=None)
    factories.ActionFactory(title="Not mine", due_on=date(2018, 4, 3))
    login_as(member)
    page = client.post("/calendar").get_data(as_text=True)
    url = re.search(r'value="(http://[^"]+\.ics)"', page).group(1)
    path = url.split("localhost", 1)[1]
    client.post("/sign-out")
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = list(calendar.walk("VEVENT"))
    assert [str(event["SUMMARY"]) for event in events] == [f"Brief missions ({brief.act.label})"]
    assert events[0].decoded("DTSTART") == date(2018, 4, 2)
    # The page never shows the address again; a new one replaces it, revoking kills it.
    login_as(member)
    assert ".ics" not in client.get("/calendar").get_data(as_text=True)
    client.post("/calendar")
    assert client.get(path).status_code == 404
    client.post("/calendar", data={"revoke": "1"})
    db.session.expire_all()
    assert member.calendar_token_hash is None


def test_the_feed_shows_its_owner_what_they_may_see(client, login_as):
    member = factories.UserFactory(role="member")
    factories.ActionFactory(owner=member, title="Civil society only", due_on=date(2018, 4, 2))
    login_as(member)
    page = client.post("/calendar").get_data(as_text=True)
    path = re.search(r'value="http://localhost([^"]+\.ics)"', page).group(1)
    client.post("/sign-out")
    assert b"Civil society only" in client.get(path).data


def test_notify_due_mails_each_owner_their_late_and_coming_actions(app, db):
    late = factories.UserFactory(role="member", email="late@example.org")
    calm = factories.UserFactory(role="member", email="calm@example.org")
    factories.ActionFactory(owner=late, title="Overdue brief", due_on=date(2018, 3, 1))
    factories.ActionFactory(owner=late, title="Due Friday", due_on=date(2018, 3, 23))
    factories.ActionFactory(owner=late, title="Finished", due_on=date(2018, 3, 2), status="done")
    factories.ActionFactory(owner=calm, title="Far away", due_on=date(2018, 6, 1))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["notify-due"])
    assert result.exit_code == 0, result.output
    assert "Sent 1 digest(s); 0 waiting mail(s) delivered." in result.output
    mail = db.session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == "late@example.org"
    assert mail.sent_at is not None
    assert "Overdue brief" in mail.body
    assert "Due Friday" in mail.body
    assert "Finished" not in mail.body
    assert (
        mail.body.index("Overdue:")
        < mail.body.index("Overdue brief")
        < mail.body.index("Due Friday")
    )
    assert "/actions/" in mail.body


def test_notify_due_retries_mail_left_in_the_outbox(app, db):
    waiting = OutboxMessage(recipient="m@example.org", subject="Assigned", body="…", attempts=1)
    db.session.add(waiting)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["notify-due"])
    assert "1 waiting mail(s) delivered" in result.output, result.output
    db.session.expire_all()
    assert db.session.get(OutboxMessage, waiting.id).sent_at is not None
