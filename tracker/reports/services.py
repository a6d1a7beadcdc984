"""Rapporteurs' reports and key messages: queries, the review workflow, publishing.

Every function that changes something commits once, at its end.
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from tracker.core.conflicts import commit_or_conflict
from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.records import publishing
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, SessionKind
from tracker.records.base import Visibility
from tracker.records.events import report_changed
from tracker.records.policy import RAPPORTEUR_ROLES
from tracker.records.reports import (
    KeyMessage,
    Report,
    ReportEvent,
    ReportEventKind,
    ReportInternal,
    ReportStatus,
)
from tracker.reports.messages import active_messages, message_summary


class WrongStateError(Exception):
    """A workflow step asked of a report that is not in a state allowing it."""


class ReportExistsError(Exception):
    """The session already has a report for this ACT."""


# Queries -------------------------------------------------------------------------------


def rapporteur_candidates() -> Select:
    return (
        select(User)
        .where(User.role.in_(sorted(RAPPORTEUR_ROLES)), User.active.is_(True))
        .order_by(User.name)
    )


def report_with_everything(report_id: int) -> Select:
    """One report and all its page shows; the reader's filter drops what they may not see."""
    return (
        select(Report)
        .where(Report.id == report_id)
        .options(
            joinedload(Report.act),
            joinedload(Report.session).joinedload(MeetingSession.meeting),
            joinedload(Report.rapporteur),
            joinedload(Report.internal),
            selectinload(Report.priorities),
            selectinload(Report.key_messages).joinedload(KeyMessage.merged_into),
            selectinload(Report.events).options(
                joinedload(ReportEvent.actor), joinedload(ReportEvent.assignee)
            ),
        )
    )


def report_for_edit(report_id: int) -> Select:
    return (
        select(Report)
        .where(Report.id == report_id)
        .options(
            joinedload(Report.act),
            joinedload(Report.internal),
            selectinload(Report.priorities),
            selectinload(Report.key_messages),
        )
    )


def report_alone(report_id: int) -> Select:
    return select(Report).where(Report.id == report_id)


def reports_of_act(act: Act) -> Select:
    return (
        select(Report)
        .where(Report.act_id == act.id)
        .options(joinedload(Report.rapporteur), joinedload(Report.session))
        .order_by(Report.id)
    )


def reports_of_session(session: MeetingSession) -> Select:
    return (
        select(Report)
        .where(Report.session_id == session.id)
        .join(Report.act)
        .options(joinedload(Report.act), joinedload(Report.rapporteur))
        .order_by(Act.number)
    )


# What the dashboard shows -------------------------------------------------------------------

DASHBOARD_REPORTS = 10


def reports_to_write(user: User) -> Select:
    """The reports assigned to `user` still to write or revise (draft or returned)."""
    return (
        select(Report)
        .where(
            Report.rapporteur_id == user.id,
            Report.status.in_([ReportStatus.DRAFT, ReportStatus.RETURNED]),
        )
        .join(Report.act)
        .options(joinedload(Report.act))
        .order_by(Act.number, Report.id)
        .limit(DASHBOARD_REPORTS)
    )


def reports_awaiting_review() -> Select:
    """Submitted reports, the longest waiting first."""
    return (
        select(Report)
        .where(Report.status == ReportStatus.SUBMITTED)
        .options(joinedload(Report.act), joinedload(Report.rapporteur))
        .order_by(Report.submitted_at, Report.id)
        .limit(DASHBOARD_REPORTS)
    )


def return_comment(report: Report) -> ReportEvent | None:
    """The reviewer's comment of a returned report (the latest return), else None."""
    if report.status != ReportStatus.RETURNED:
        return None
    return db.session.scalars(
        select(ReportEvent)
        .where(ReportEvent.report_id == report.id, ReportEvent.kind == ReportEventKind.RETURNED)
        .options(joinedload(ReportEvent.actor))
        .order_by(ReportEvent.id.desc())
        .limit(1)
    ).first()


# What the ACT page and the session page show ---------------------------------------------


@dataclass
class ActReports:
    act: Act
    reports: list[Report]  # at most ACT_PAGE_REPORTS
    key_messages: list[KeyMessage]  # the first ACT_PAGE_MESSAGES active ones, by rank
    reports_total: int = 0
    messages_total: int = 0


@dataclass
class SessionReports:
    session: MeetingSession
    reports: list[Report]
    # A group session's ACTs that have no report yet (a rapporteur may be assigned).
    acts_without_report: list[Act] = field(default_factory=list)


ACT_PAGE_REPORTS = 10
ACT_PAGE_MESSAGES = 20


def for_act(act: Act) -> ActReports:
    """The ACT's first reports and first active key messages with how many there are, in
    two queries (a window count rides along with each)."""
    reports = db.session.execute(
        reports_of_act(act).add_columns(func.count().over()).limit(ACT_PAGE_REPORTS)
    ).all()
    messages = db.session.execute(
        active_messages()
        .add_columns(func.count().over())
        .where(KeyMessage.act_id == act.id)
        .order_by(KeyMessage.report_id, KeyMessage.rank, KeyMessage.id)
        .limit(ACT_PAGE_MESSAGES)
    ).all()
    return ActReports(
        act=act,
        reports=[report for report, _total in reports],
        key_messages=[message for message, _total in messages],
        reports_total=reports[0][1] if reports else 0,
        messages_total=messages[0][1] if messages else 0,
    )


def for_session(session: MeetingSession) -> SessionReports:
    """The session's reports, and a group session's ACTs still without one."""
    reports = list(db.session.scalars(reports_of_session(session)).all())
    section = SessionReports(session=session, reports=reports)
    if session.kind == SessionKind.GROUP_SESSION:
        taken = {report.act_id for report in reports}
        section.acts_without_report = [act for act in session.acts if act.id not in taken]
    return section


# Assigning a rapporteur --------------------------------------------------------------------


def record_event(report: Report, kind: ReportEventKind, actor: User, comment: str = "", **extra):
    db.session.add(
        ReportEvent(report=report, kind=kind, actor=actor, comment=comment.strip(), **extra)
    )


def assign_rapporteur(session: MeetingSession, act: Act, rapporteur: User, actor: User) -> Report:
    report = Report(
        act=act,
        session=session,
        rapporteur=rapporteur,
        status=ReportStatus.DRAFT,
        internal=ReportInternal(),
    )
    db.session.add(report)
    record_event(report, ReportEventKind.ASSIGNED, actor, assignee=rapporteur)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ReportExistsError from None
    return report


def reassign_rapporteur(report: Report, rapporteur: User, actor: User, comment: str = "") -> None:
    report.rapporteur = rapporteur
    record_event(report, ReportEventKind.ASSIGNED, actor, comment, assignee=rapporteur)
    commit_or_conflict(report)


# The review workflow --------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    verb: str
    sources: frozenset[ReportStatus]
    target: ReportStatus
    event: ReportEventKind


STEPS = {
    "submit": Step(
        "submit_report",
        frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED}),
        ReportStatus.SUBMITTED,
        ReportEventKind.SUBMITTED,
    ),
    "return": Step(
        "review_report",
        frozenset({ReportStatus.SUBMITTED}),
        ReportStatus.RETURNED,
        ReportEventKind.RETURNED,
    ),
    "accept": Step(
        "review_report",
        frozenset({ReportStatus.SUBMITTED}),
        ReportStatus.ACCEPTED,
        ReportEventKind.ACCEPTED,
    ),
    "reopen": Step(
        "reopen_report",
        frozenset({ReportStatus.ACCEPTED}),
        ReportStatus.DRAFT,
        ReportEventKind.REOPENED,
    ),
    # The rapporteur takes a submission back to revise it (before anyone reviewed it).
    "recall": Step(
        "recall_report",
        frozenset({ReportStatus.SUBMITTED}),
        ReportStatus.DRAFT,
        ReportEventKind.RECALLED,
    ),
}


def advance(report: Report, step_name: str, actor: User, comment: str = "") -> None:
    step = STEPS[step_name]
    if report.status not in step.sources:
        raise WrongStateError(step_name)
    report.status = step.target
    now = utcnow()
    if step.target == ReportStatus.SUBMITTED:
        report.submitted_at = now
    elif step.target == ReportStatus.ACCEPTED:
        report.accepted_at = now
    elif step_name == "reopen":
        report.accepted_at = None
    elif step_name == "recall":
        report.submitted_at = None
    record_event(report, step.event, actor, comment)
    report_changed.send(report, step=step_name, actor=actor, comment=comment.strip())
    commit_or_conflict(report)


# Publishing -------------------------------------------------------------------------------


def publish_report(report: Report, actor: User) -> None:
    """Let governments read the accepted report as it stands, and its active key messages;
    its internal part stays civil-society. Publishing again replaces what they read."""
    if report.status != ReportStatus.ACCEPTED:
        raise WrongStateError("publish")
    publishing.publish(report, actor, _("Report: %(act)s", act=report.act.label))
    for message in report.key_messages:
        if not message.is_merged:
            publishing.publish(message, actor, message_summary(message))
    record_event(report, ReportEventKind.PUBLISHED, actor)
    db.session.commit()


def withdraw_report(report: Report, actor: User) -> None:
    """Governments no longer read the report, nor any of its key messages."""
    publishing.withdraw(report, actor, _("Report: %(act)s", act=report.act.label))
    for message in report.key_messages:
        if message.visibility == Visibility.SHARED:
            publishing.withdraw(message, actor, message_summary(message))
    record_event(report, ReportEventKind.WITHDRAWN, actor)
    db.session.commit()
