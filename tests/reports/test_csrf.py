"""With CSRF on, as in production: the report page's forms carry their token and work."""

import re

from tests.factories import KeyMessageFactory, ReportFactory, UserFactory
from tests.reports.helpers import fresh, messages_of
from tracker.records.reports import ReportStatus


def _sign_in(client, user) -> None:
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
        session["_fresh"] = True


def _token(html: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]+)"', html) or re.search(
        rf'value="([^"]+)"[^>]*name="{re.escape(name)}"', html
    )
    assert match, f"the page carries {name}"
    return match.group(1)


def test_review_and_ordering_need_the_pages_csrf_token(csrf_app):
    report = ReportFactory(status="submitted")
    first = KeyMessageFactory(report=report, rank=1)
    second = KeyMessageFactory(report=report, rank=2)
    coordinator = UserFactory(role="coordinator")
    client = csrf_app.test_client()
    _sign_in(client, coordinator)
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)

    assert client.post(f"/reports/{report.id}/accept").status_code == 400
    order = {"order": f"{second.id},{first.id}"}
    assert client.post(f"/reports/{report.id}/messages/order", data=order).status_code == 400
    assert fresh(report.id).status == ReportStatus.SUBMITTED

    order["csrf_token"] = _token(page, "csrf_token")
    assert client.post(f"/reports/{report.id}/messages/order", data=order).status_code == 302
    assert [m.id for m in messages_of(report.id)] == [second.id, first.id]
    accepted = client.post(
        f"/reports/{report.id}/accept",
        data={"accept-csrf_token": _token(page, "accept-csrf_token")},
    )
    assert accepted.status_code == 302
    assert fresh(report.id).status == ReportStatus.ACCEPTED
