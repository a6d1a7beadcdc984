"""One report, two audiences: observers read what is published, never its internal part."""

from tests.factories import KeyMessageFactory, ReportFactory, ReportPriorityFactory
from tests.reports.helpers import fresh
from tracker.core.extensions import db
from tracker.records.reports import ReportEvent, ReportEventKind


def _published_report():
    report = ReportFactory(
        status="accepted", visibility="shared", summary="Firewalls protect everyone."
    )
    report.internal.divergence = "Two networks disagreed on returns."
    report.internal.strategy_notes = "Lead with the health argument."
    ReportPriorityFactory(report=report, rank=1, text="Access to services")
    KeyMessageFactory(report=report, rank=1, text="Shared ask", visibility="shared")
    KeyMessageFactory(report=report, rank=2, text="Still internal ask")
    db.session.add(
        ReportEvent(
            report=report, kind=ReportEventKind.RETURNED, comment="Reviewer's private remark"
        )
    )
    return report


def test_an_observer_reads_a_published_report_without_its_internal_part(client, login_as):
    report = _published_report()
    login_as("observer")
    page = client.get(f"/reports/{report.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Firewalls protect everyone." in html
    assert "Access to services" in html
    assert "Shared ask" in html
    assert "Still internal ask" not in html
    assert "Two networks disagreed on returns." not in html
    assert "Lead with the health argument." not in html
    assert "Internal part" not in html
    assert "Reviewer&#39;s private remark" not in html
    assert "Reviewer's private remark" not in html


def test_civil_society_reads_the_internal_part_and_the_history(client, login_as):
    report = _published_report()
    login_as("member")
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Two networks disagreed on returns." in html
    assert "Lead with the health argument." in html
    assert "Still internal ask" in html
    assert "Reviewer&#39;s private remark" in html


def test_an_unpublished_report_and_its_messages_are_not_found_for_observers(client, login_as):
    report = ReportFactory(status="submitted")
    message = KeyMessageFactory(report=report, text="Hidden ask")
    login_as("observer")
    assert client.get(f"/reports/{report.id}").status_code == 404
    assert client.get(f"/messages/{message.id}").status_code == 404
    assert "Hidden ask" not in client.get("/messages").get_data(as_text=True)


def test_publishing_a_report_shares_its_messages_and_withdrawing_hides_them(client, login_as):
    report = ReportFactory(status="accepted")
    first = KeyMessageFactory(report=report, rank=1, text="First ask")
    KeyMessageFactory(report=report, rank=2, text="Second ask")
    login_as("coordinator")
    assert client.post(f"/reports/{report.id}/publish").status_code == 302
    assert fresh(report.id).visibility == "shared"

    login_as("observer")
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "First ask" in html
    assert "Second ask" in html
    assert "Views differed on returns." not in html
    listed = client.get("/messages").get_data(as_text=True)
    assert "First ask" in listed
    assert "Second ask" in listed

    login_as("coordinator")
    assert client.post(f"/messages/{first.id}/withdraw").status_code == 302
    login_as("observer")
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "First ask" not in html
    assert "Second ask" in html
    assert client.get(f"/messages/{first.id}").status_code == 404

    login_as("coordinator")
    assert client.post(f"/reports/{report.id}/withdraw").status_code == 302
    login_as("observer")
    assert client.get(f"/reports/{report.id}").status_code == 404
    assert "Second ask" not in client.get("/messages").get_data(as_text=True)


def test_a_single_key_message_can_be_published_on_its_own(client, login_as):
    message = KeyMessageFactory(
        report=ReportFactory(status="accepted"), text="An ask ready for governments"
    )
    login_as("coordinator")
    assert client.post(f"/messages/{message.id}/publish").status_code == 302
    login_as("observer")
    page = client.get(f"/messages/{message.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "An ask ready for governments" in html
    # Its source report is still civil-society only: no link to it.
    assert f"/reports/{message.report_id}" not in html


def test_observers_and_members_cannot_publish(client, login_as):
    report = ReportFactory(status="accepted")
    message = KeyMessageFactory(report=report, visibility="shared")
    for role in ("member", "rapporteur", "observer"):
        login_as(role)
        hidden = 404 if role == "observer" else 403
        assert client.post(f"/reports/{report.id}/publish").status_code == hidden, role
        assert client.post(f"/messages/{message.id}/withdraw").status_code == 403, role
    assert fresh(report.id).visibility == "civil_society"


def test_report_markdown_is_rendered_inert(client, login_as):
    report = ReportFactory(
        summary="Hello <script>alert(1)</script> [x](javascript:alert(2)) <b onclick='y'>b</b>"
    )
    login_as("member")
    html = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert 'href="javascript' not in html
    assert "<b onclick" not in html
