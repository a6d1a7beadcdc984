"""The review round as people live it: who is told at each step, the rapporteur's and the
coordinators' lists on the dashboard, the return comment on the edit page, and a rapporteur
taking a submission back."""

from sqlalchemy import select

from tests import factories
from tests.reports.helpers import fresh
from tracker.core.extensions import db
from tracker.core.mail import OutboxMessage
from tracker.records.notifications import Notification
from tracker.records.reports import ReportEvent, ReportEventKind, ReportStatus


def _kinds_for(user) -> list[str]:
    return list(
        db.session.scalars(
            select(Notification.kind)
            .where(Notification.user_id == user.id)
            .order_by(Notification.id)
        )
    )


def _people():
    act = factories.ActFactory(number=5, title="Detention")
    rapporteur = factories.UserFactory(role="rapporteur", name="Rafael")
    coordinator = factories.UserFactory(role="coordinator", name="Carla")
    other_coordinator = factories.UserFactory(role="coordinator", name="Chen", locale="es")
    follower = factories.UserFactory(role="member")
    factories.FollowFactory(user=follower, act=act)
    report = factories.ReportFactory(act=act, rapporteur=rapporteur, status="draft")
    return report, rapporteur, coordinator, other_coordinator, follower


def test_each_step_tells_the_people_it_concerns(client, login_as):
    report, rapporteur, coordinator, other_coordinator, follower = _people()
    login_as(rapporteur)
    assert client.post(f"/reports/{report.id}/submit").status_code == 302
    assert _kinds_for(coordinator) == _kinds_for(other_coordinator) == ["report_submitted"]
    mail = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == other_coordinator.email)
    ).one()
    assert "presentó el informe" in mail.subject

    login_as(coordinator)
    client.post(f"/reports/{report.id}/return", data={"return-comment": "Rank the asks."})
    assert _kinds_for(rapporteur) == ["report_returned"]
    login_as(rapporteur)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Carla returned the report of ACT 5: Detention for revision: “Rank the asks.”" in page

    client.post(f"/reports/{report.id}/submit")
    login_as(coordinator)
    client.post(f"/reports/{report.id}/accept")
    assert _kinds_for(rapporteur) == ["report_returned", "report_accepted"]
    assert _kinds_for(follower) == [
        "report_submitted",
        "report_returned",
        "report_submitted",
        "report_accepted",
    ]
    assert "report_submitted" not in _kinds_for(rapporteur)  # nobody is told of their own step


def test_the_rapporteur_reads_the_return_comment_where_they_revise(client, login_as):
    report, rapporteur, coordinator, *_ = _people()
    report.status = ReportStatus.SUBMITTED
    login_as(coordinator)
    client.post(f"/reports/{report.id}/return", data={"return-comment": "Add the divergences."})
    login_as(rapporteur)
    page = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    assert "Returned for revision by Carla" in page
    assert "Add the divergences." in page


def test_a_rapporteur_takes_a_submission_back_and_it_is_logged(client, login_as):
    report, rapporteur, coordinator, *_ = _people()
    login_as(rapporteur)
    client.post(f"/reports/{report.id}/submit")
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Withdraw the submission" in page
    response = client.post(f"/reports/{report.id}/recall")
    assert response.status_code == 302
    assert fresh(report.id).status == ReportStatus.DRAFT
    assert fresh(report.id).submitted_at is None
    kinds = db.session.scalars(
        select(ReportEvent.kind).where(ReportEvent.report_id == report.id)
    ).all()
    assert kinds[-1] == ReportEventKind.RECALLED
    assert "Submission withdrawn by the rapporteur" in client.get(f"/reports/{report.id}").get_data(
        as_text=True
    )
    assert _kinds_for(coordinator) == ["report_submitted", "report_recalled"]
    # Once accepted, it can no longer be taken back.
    client.post(f"/reports/{report.id}/submit")
    login_as(coordinator)
    assert client.post(f"/reports/{report.id}/recall").status_code == 403
    client.post(f"/reports/{report.id}/accept")
    login_as(rapporteur)
    assert client.post(f"/reports/{report.id}/recall").status_code == 409


def test_the_dashboard_lists_reports_to_write_and_to_review(client, login_as):
    report, rapporteur, coordinator, *_ = _people()
    login_as(rapporteur)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Your report to write" in page
    assert f"/reports/{report.id}/edit" in page
    assert "Awaiting your review" not in page
    client.post(f"/reports/{report.id}/submit")
    assert "Your report to write" not in client.get("/dashboard").get_data(as_text=True)
    login_as(coordinator)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Awaiting your review" in page
    assert "Rafael" in page
    login_as("member")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Awaiting your review" not in page


def test_the_dashboard_s_reports_cost_the_same_queries_whatever_their_number(
    client, login_as, count_queries
):
    rapporteur = factories.UserFactory(role="rapporteur")
    coordinator = factories.UserFactory(role="coordinator")
    counts: dict[str, list[int]] = {"rapporteur": [], "coordinator": []}
    for size in (1, 12):
        for _ in range(size):
            act = factories.ActFactory()
            factories.ReportFactory(act=act, rapporteur=rapporteur, status="draft")
            factories.ReportFactory(act=act, rapporteur=rapporteur, status="submitted")
        for name, person in (("rapporteur", rapporteur), ("coordinator", coordinator)):
            login_as(person)
            with count_queries() as counter:
                assert client.get("/dashboard").status_code == 200
            counts[name].append(counter.count)
    assert counts["rapporteur"][0] == counts["rapporteur"][1]
    assert counts["coordinator"][0] == counts["coordinator"][1]
