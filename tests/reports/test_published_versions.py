"""Governments read the version a coordinator published, whatever happens to the report after."""

from sqlalchemy import select

from tests import factories
from tests.pages import result_links, text_of
from tests.reports.helpers import fresh, report_form
from tracker.core.extensions import db
from tracker.records.activity import Activity


def accepted_report():
    report = factories.ReportFactory(status="accepted", summary="The summary governments read.")
    factories.ReportPriorityFactory(report=report, text="A priority governments read")
    factories.KeyMessageFactory(report=report, rank=1, text="An ask governments read")
    return report


def test_a_reopened_and_revised_report_shows_observers_the_published_version(client, login_as):
    report = accepted_report()
    rapporteur = report.rapporteur
    login_as("coordinator")
    assert client.post(f"/reports/{report.id}/publish").status_code == 302
    assert client.post(f"/reports/{report.id}/reopen").status_code == 302
    login_as(rapporteur)
    revised = report_form(
        fresh(report.id),
        summary="An unvetted summary.",
        priorities="An unvetted priority",
        key_messages="An unvetted ask",
    )
    assert client.post(f"/reports/{report.id}/edit", data=revised).status_code == 302

    login_as("observer")
    page = text_of(client.get(f"/reports/{report.id}").get_data(as_text=True))
    assert "The summary governments read." in page
    assert "A priority governments read" in page
    assert "An ask governments read" in page
    assert "unvetted" not in page
    assert "Accepted ·" in page
    assert "Draft ·" not in page
    assert result_links(client.get("/search?q=unvetted").get_data(as_text=True)) == []
    found = result_links(client.get("/search?q=summary").get_data(as_text=True))
    assert f"/reports/{report.id}" in found

    login_as("member")
    page = text_of(client.get(f"/reports/{report.id}").get_data(as_text=True))
    assert "An unvetted summary." in page
    assert "Published version of" in page
    assert "Changed since: governments still read the published version" in page
    assert "The summary governments read." in page  # under "What governments read"


def test_publishing_again_after_acceptance_gives_governments_the_new_version(client, login_as):
    report = accepted_report()
    rapporteur = report.rapporteur
    coordinator = login_as("coordinator")
    client.post(f"/reports/{report.id}/publish")
    client.post(f"/reports/{report.id}/reopen")
    login_as(rapporteur)
    report = fresh(report.id)
    client.post(f"/reports/{report.id}/edit", data=report_form(report, summary="Second version."))
    client.post(f"/reports/{report.id}/submit")
    login_as(coordinator)
    client.post(f"/reports/{report.id}/accept")
    assert client.post(f"/reports/{report.id}/publish").status_code == 302
    login_as("observer")
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Second version." in page
    assert "The summary governments read." not in page
    verbs = db.session.scalars(
        select(Activity.verb).where(
            Activity.record_type == "report", Activity.record_id == report.id
        )
    )
    assert list(verbs) == ["published", "published"]


def test_a_report_cannot_be_published_before_it_is_accepted_again(client, login_as):
    report = accepted_report()
    login_as("coordinator")
    client.post(f"/reports/{report.id}/publish")
    client.post(f"/reports/{report.id}/reopen")
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Publish this version" not in page
    assert client.post(f"/reports/{report.id}/publish").status_code == 409


def test_a_published_key_message_keeps_its_published_text(client, login_as):
    message = factories.KeyMessageFactory(text="Words governments read.", visibility="shared")
    message.text = "Words still being discussed."
    login_as("observer")
    page = client.get(f"/messages/{message.id}").get_data(as_text=True)
    assert "Words governments read." in page
    assert "still being discussed" not in page
    assert "still being discussed" not in client.get("/messages").get_data(as_text=True)
    login_as("coordinator")
    page = client.get(f"/messages/{message.id}").get_data(as_text=True)
    assert "Words still being discussed." in page
    assert "Publish this version" in page


def test_a_published_key_message_is_not_removed_from_its_report(client, login_as):
    report = accepted_report()
    extra = factories.KeyMessageFactory(report=report, rank=2, text="A second ask")
    rapporteur = report.rapporteur
    login_as("coordinator")
    client.post(f"/reports/{report.id}/publish")
    client.post(f"/reports/{report.id}/reopen")
    login_as(rapporteur)
    report = fresh(report.id)
    form = report_form(report, key_messages="An ask governments read")
    response = client.post(f"/reports/{report.id}/edit", data=form)
    assert response.status_code == 422
    assert f"#{extra.id}" in response.get_data(as_text=True)


def test_withdrawing_hides_the_published_version_and_is_logged(client, login_as):
    report = accepted_report()
    login_as("coordinator")
    client.post(f"/reports/{report.id}/publish")
    client.post(f"/reports/{report.id}/withdraw")
    assert fresh(report.id).published is None
    login_as("observer")
    assert client.get(f"/reports/{report.id}").status_code == 404
    verbs = db.session.scalars(
        select(Activity.verb).where(Activity.record_type == "report").order_by(Activity.id)
    )
    assert list(verbs) == ["published", "withdrawn"]
