"""A report from assignment to acceptance: who may do each step, and what each step keeps."""

from sqlalchemy import select

from tests.factories import ActFactory, ReportFactory, UserFactory
from tests.pages import error_next_to, text_of
from tests.reports.helpers import fresh, group_session_with, report_form
from tracker.core.extensions import db
from tracker.records.reports import Report, ReportEvent, ReportEventKind, ReportStatus


def test_the_whole_workflow_from_assignment_to_reopening(client, login_as):
    coordinator = UserFactory(role="coordinator", name="Carla Coordinator")
    rapporteur = UserFactory(role="rapporteur", name="Rafael Rapporteur")
    act = ActFactory(number=5, title="Detention")
    session = group_session_with(act)

    login_as(coordinator)
    answer = client.post(
        f"/sessions/{session.id}/reports",
        data={"assign-act_id": str(act.id), "assign-rapporteur_id": str(rapporteur.id)},
    )
    assert answer.status_code == 302
    report = db.session.scalar(select(Report).where(Report.session_id == session.id))
    assert report.rapporteur_id == rapporteur.id
    assert report.status == ReportStatus.DRAFT
    assert report.internal is not None
    assert answer.headers["Location"].endswith(f"/reports/{report.id}")

    login_as(rapporteur)
    form_page = client.get(f"/reports/{report.id}/edit")
    assert form_page.status_code == 200
    saved = client.post(
        f"/reports/{report.id}/edit",
        data=report_form(
            report,
            summary="The group agreed **three** priorities.",
            priorities="End child detention\nAlternatives to detention",
            key_messages="Never detain children\nInvest in community-based alternatives",
            divergence="Views differed on time limits.",
        ),
    )
    assert saved.status_code == 302
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "<strong>three</strong>" in page
    assert "Never detain children" in page
    assert "Views differed on time limits." in page
    assert client.post(f"/reports/{report.id}/submit").status_code == 302
    assert fresh(report.id).status == ReportStatus.SUBMITTED

    login_as(coordinator)
    refused = client.post(f"/reports/{report.id}/return", data={"return-comment": "  "})
    assert refused.status_code == 422
    assert error_next_to(refused.get_data(as_text=True), "return-comment")
    assert fresh(report.id).status == ReportStatus.SUBMITTED
    returned = client.post(
        f"/reports/{report.id}/return", data={"return-comment": "Name the alternatives."}
    )
    assert returned.status_code == 302
    assert fresh(report.id).status == ReportStatus.RETURNED

    login_as(rapporteur)
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Name the alternatives." in page
    report = fresh(report.id)
    resaved = client.post(
        f"/reports/{report.id}/edit",
        data=report_form(
            report,
            key_messages="Never detain children\nInvest in case management and community care",
        ),
    )
    assert resaved.status_code == 302
    assert client.post(f"/reports/{report.id}/submit").status_code == 302

    login_as(coordinator)
    assert client.post(f"/reports/{report.id}/accept").status_code == 302
    report = fresh(report.id)
    assert report.status == ReportStatus.ACCEPTED
    assert report.accepted_at is not None

    login_as(rapporteur)
    assert client.get(f"/reports/{report.id}/edit").status_code == 403
    frozen = client.post(f"/reports/{report.id}/edit", data=report_form(report, summary="x"))
    assert frozen.status_code == 403
    assert fresh(report.id).summary == "The group agreed **three** priorities."

    login_as(coordinator)
    reopened = client.post(f"/reports/{report.id}/reopen", data={"reopen-comment": "One more ask"})
    assert reopened.status_code == 302
    assert fresh(report.id).status == ReportStatus.DRAFT
    login_as(rapporteur)
    assert client.get(f"/reports/{report.id}/edit").status_code == 200

    kinds = list(
        db.session.scalars(
            select(ReportEvent.kind)
            .where(ReportEvent.report_id == report.id)
            .order_by(ReportEvent.id)
        )
    )
    assert kinds == [
        ReportEventKind.ASSIGNED,
        ReportEventKind.SAVED,
        ReportEventKind.SUBMITTED,
        ReportEventKind.RETURNED,
        ReportEventKind.SAVED,
        ReportEventKind.SUBMITTED,
        ReportEventKind.ACCEPTED,
        ReportEventKind.REOPENED,
    ]
    history = text_of(client.get(f"/reports/{report.id}").get_data(as_text=True))
    assert "Returned with a comment · by Carla Coordinator" in history
    assert "Rapporteur assigned · by Carla Coordinator · rapporteur: Rafael Rapporteur" in history
    assert "Reopened · by Carla Coordinator One more ask" in history


def test_only_the_assigned_rapporteur_edits(client, login_as):
    report = ReportFactory(status="draft")
    for role in ("rapporteur", "coordinator", "admin", "member"):
        login_as(role)
        assert client.get(f"/reports/{report.id}/edit").status_code == 403, role
        answer = client.post(f"/reports/{report.id}/edit", data=report_form(report, summary="x"))
        assert answer.status_code == 403, role
        assert client.post(f"/reports/{report.id}/submit").status_code == 403, role
    assert fresh(report.id).summary == "The group agreed three priorities."


def test_a_member_cannot_accept_or_return(client, login_as):
    report = ReportFactory(status="submitted")
    login_as("member")
    assert client.post(f"/reports/{report.id}/accept").status_code == 403
    answer = client.post(f"/reports/{report.id}/return", data={"return-comment": "No"})
    assert answer.status_code == 403
    assert fresh(report.id).status == ReportStatus.SUBMITTED


def test_the_rapporteur_cannot_accept_their_own_report(client, login_as):
    report = ReportFactory(status="submitted")
    login_as(report.rapporteur)
    assert client.post(f"/reports/{report.id}/accept").status_code == 403


def test_a_step_from_the_wrong_state_says_so_and_changes_nothing(client, login_as):
    report = ReportFactory(status="draft")
    login_as("coordinator")
    answer = client.post(f"/reports/{report.id}/accept")
    assert answer.status_code == 409
    assert "that step is not possible in this state" in answer.get_data(as_text=True)
    assert client.post(f"/reports/{report.id}/reopen").status_code == 409
    assert client.post(f"/reports/{report.id}/publish").status_code == 409
    login_as(report.rapporteur)
    assert client.post(f"/reports/{report.id}/submit").status_code == 302
    assert client.post(f"/reports/{report.id}/submit").status_code == 409
    assert fresh(report.id).status == ReportStatus.SUBMITTED


def test_a_coordinator_reassigns_the_rapporteur(client, login_as):
    report = ReportFactory(status="draft")
    newcomer = UserFactory(role="rapporteur", name="Nadia Newcomer")
    login_as("coordinator")
    answer = client.post(
        f"/reports/{report.id}/rapporteur", data={"reassign-rapporteur_id": str(newcomer.id)}
    )
    assert answer.status_code == 302
    assert fresh(report.id).rapporteur_id == newcomer.id
    login_as(newcomer)
    assert client.get(f"/reports/{report.id}/edit").status_code == 200


def test_only_active_rapporteurs_and_staff_can_be_assigned(client, login_as):
    act = ActFactory()
    session = group_session_with(act)
    member = UserFactory(role="member")
    gone = UserFactory(role="rapporteur", active=False)
    login_as("coordinator")
    for person in (member, gone):
        answer = client.post(
            f"/sessions/{session.id}/reports",
            data={"assign-act_id": str(act.id), "assign-rapporteur_id": str(person.id)},
        )
        assert answer.status_code == 422
        assert error_next_to(answer.get_data(as_text=True), "assign-rapporteur_id")
    assert db.session.scalar(select(Report).where(Report.session_id == session.id)) is None


def test_an_act_gets_one_report_per_session(client, login_as):
    existing = ReportFactory()
    existing.session.acts = [existing.act]
    login_as("coordinator")
    answer = client.post(
        f"/sessions/{existing.session_id}/reports",
        data={
            "assign-act_id": str(existing.act_id),
            "assign-rapporteur_id": str(existing.rapporteur_id),
        },
    )
    assert answer.status_code == 422
    assert "Every ACT of this session already has a report" in answer.get_data(as_text=True)
