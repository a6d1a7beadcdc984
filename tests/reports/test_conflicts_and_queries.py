"""No lost update on a report, and every page at a fixed number of queries."""

import re

from flask import render_template
from flask_login import login_user

from tests.factories import (
    ActFactory,
    KeyMessageFactory,
    MeetingSessionFactory,
    ReportFactory,
    ReportPriorityFactory,
    UserFactory,
)
from tests.reports.helpers import fresh, report_form
from tracker.core.extensions import db
from tracker.records.reports import ReportEvent, ReportEventKind
from tracker.reports import services


def test_a_stale_save_gets_the_conflict_page_and_the_first_text_is_intact(client, login_as):
    report = ReportFactory(summary="Original summary.")
    login_as(report.rapporteur)
    first_form = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', first_form).group(1)
    report = fresh(report.id)
    stale = report_form(report, version=version)

    first = client.post(
        f"/reports/{report.id}/edit", data={**stale, "summary": "First person's summary."}
    )
    assert first.status_code == 302
    second = client.post(
        f"/reports/{report.id}/edit", data={**stale, "summary": "Second person's summary."}
    )
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else saved this while you were editing" in html
    assert "First person&#39;s summary." in html  # the newer saved text, beside...
    assert "Second person&#39;s summary." in html  # ...what this person typed, kept
    report = fresh(report.id)
    assert report.summary == "First person's summary."
    assert f'name="version" type="hidden" value="{report.version}"' in html

    # Saving again from the conflict page (now at the current version) goes through.
    again = client.post(
        f"/reports/{report.id}/edit",
        data=report_form(report, summary="Merged summary."),
    )
    assert again.status_code == 302
    assert fresh(report.id).summary == "Merged summary."


def test_reordering_makes_an_open_edit_form_stale(client, login_as):
    report = ReportFactory()
    first = KeyMessageFactory(report=report, rank=1, text="First ask")
    second = KeyMessageFactory(report=report, rank=2, text="Second ask")
    report = fresh(report.id)
    stale = report_form(report)
    login_as("coordinator")
    client.post(f"/reports/{report.id}/messages/order", data={"order": f"{second.id},{first.id}"})
    login_as(report.rapporteur)
    answer = client.post(f"/reports/{report.id}/edit", data=stale)
    assert answer.status_code == 409


def _grow_report(report, size: int) -> None:
    coordinator = UserFactory(role="coordinator")
    for n in range(size):
        ReportPriorityFactory(report=report, rank=n + 1)
        target = KeyMessageFactory(report=report, rank=2 * n + 1)
        KeyMessageFactory(report=report, rank=2 * n + 2, merged_into=target)
        db.session.add(
            ReportEvent(
                report=report,
                kind=ReportEventKind.ASSIGNED,
                actor=coordinator,
                assignee=UserFactory(role="rapporteur"),
            )
        )


def _count_page(client, count_queries, url: str) -> int:
    db.session.commit()
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter.count


def test_report_and_message_pages_run_a_fixed_number_of_queries(client, login_as, count_queries):
    report = ReportFactory(status="accepted", visibility="shared")
    _grow_report(report, 1)
    message = KeyMessageFactory(report=report, visibility="shared")
    KeyMessageFactory(report=ReportFactory(act=report.act), merged_into=message)
    for role in ("coordinator", "observer"):
        login_as(role)
        small = [
            _count_page(client, count_queries, f"/reports/{report.id}"),
            _count_page(client, count_queries, f"/messages/{message.id}"),
            _count_page(client, count_queries, "/messages"),
        ]
        _grow_report(report, 10)
        for _ in range(10):
            KeyMessageFactory(report=ReportFactory(act=report.act), merged_into=message)
            KeyMessageFactory(report=ReportFactory(act=report.act), visibility="shared")
        large = [
            _count_page(client, count_queries, f"/reports/{report.id}"),
            _count_page(client, count_queries, f"/messages/{message.id}"),
            _count_page(client, count_queries, "/messages"),
        ]
        assert small == large, role


def test_the_edit_page_runs_a_fixed_number_of_queries(client, login_as, count_queries):
    report = ReportFactory()
    login_as(report.rapporteur)
    _grow_report(report, 1)
    small = _count_page(client, count_queries, f"/reports/{report.id}/edit")
    _grow_report(report, 10)
    assert _count_page(client, count_queries, f"/reports/{report.id}/edit") == small


def _render_partials(app, user, act, session) -> None:
    with app.test_request_context():
        login_user(user)
        render_template("reports/_act_section.html", act_reports=services.for_act(act))
        render_template(
            "reports/_session_section.html",
            session_reports=services.for_session(session),
            assign_form=None,
        )


def _count_partials(app, count_queries, user, act_id, session_id) -> int:
    from tracker.records.acts import Act
    from tracker.records.agenda import MeetingSession

    db.session.commit()
    db.session.close()
    user = db.session.merge(user)
    act = db.session.get(Act, act_id)
    session = db.session.get(MeetingSession, session_id)
    session.acts  # noqa: B018 - the session page loads them with the session
    with count_queries() as counter:
        _render_partials(app, user, act, session)
    db.session.close()
    return counter.count


def test_the_act_and_session_sections_run_a_fixed_number_of_queries(app, count_queries):
    coordinator = UserFactory(role="coordinator")
    acts = [ActFactory() for _ in range(12)]
    session = MeetingSessionFactory(kind="group_session", acts=acts)
    report = ReportFactory(act=acts[0], session=session)
    KeyMessageFactory(report=report)
    ids = (coordinator.id, acts[0].id, session.id)

    def count() -> int:
        user = db.session.get(type(coordinator), ids[0])
        return _count_partials(app, count_queries, user, ids[1], ids[2])

    small = count()
    for act in acts[1:10]:
        grown = ReportFactory(act=db.session.merge(act), session=db.session.merge(session))
        KeyMessageFactory.create_batch(3, report=grown)
    KeyMessageFactory.create_batch(10, report=db.session.merge(report))
    assert count() == small
