"""Rapporteurs' reports and key messages: queries, the review workflow, publishing.

Every function that changes something commits once, at its end.
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import Select, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from tracker.core.conflicts import ConflictField, check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.records import publishing
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, SessionKind
from tracker.records.base import Visibility
from tracker.records.policy import Role
from tracker.records.reports import (
    KeyMessage,
    Report,
    ReportEvent,
    ReportEventKind,
    ReportInternal,
    ReportPriority,
    ReportStatus,
)
from tracker.records.tables import Stance

RAPPORTEUR_ROLES = (Role.RAPPORTEUR, Role.COORDINATOR, Role.ADMIN)


class WrongState(Exception):
    """A workflow step asked of a report that is not in a state allowing it."""


class ReportExists(Exception):
    """The session already has a report for this ACT."""


class MessagesInUse(Exception):
    """Removing these key messages would lose what refers to them."""

    def __init__(self, messages: list[KeyMessage]) -> None:
        super().__init__(", ".join(str(m.id) for m in messages))
        self.messages = messages


# Queries -------------------------------------------------------------------------------


def rapporteur_candidates() -> Select:
    return (
        select(User)
        .where(User.role.in_(RAPPORTEUR_ROLES), User.active.is_(True))
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


def message_with_context(message_id: int) -> Select:
    return (
        select(KeyMessage)
        .where(KeyMessage.id == message_id)
        .options(
            joinedload(KeyMessage.act),
            joinedload(KeyMessage.report).joinedload(Report.session),
            joinedload(KeyMessage.merged_into),
        )
    )


def merged_from(message: KeyMessage) -> Select:
    return select(KeyMessage).where(KeyMessage.merged_into_id == message.id).order_by(KeyMessage.id)


def active_messages() -> Select:
    return select(KeyMessage).where(KeyMessage.merged_into_id.is_(None))


def merge_targets(message: KeyMessage) -> Select:
    """Active messages of the same ACT that `message` may be merged into."""
    return (
        active_messages()
        .where(KeyMessage.act_id == message.act_id, KeyMessage.id != message.id)
        .options(joinedload(KeyMessage.report))
        .order_by(KeyMessage.report_id, KeyMessage.rank, KeyMessage.id)
    )


def messages_list(act_number: int | None = None) -> Select:
    query = (
        active_messages()
        .join(KeyMessage.act)
        .options(joinedload(KeyMessage.act), joinedload(KeyMessage.report))
        .order_by(Act.number, KeyMessage.report_id, KeyMessage.rank, KeyMessage.id)
    )
    if act_number is not None:
        query = query.where(Act.number == act_number)
    return query


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


def _event(report: Report, kind: ReportEventKind, actor: User, comment: str = "", **extra):
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
    _event(report, ReportEventKind.ASSIGNED, actor, assignee=rapporteur)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ReportExists from None
    return report


def reassign_rapporteur(report: Report, rapporteur: User, actor: User, comment: str = "") -> None:
    report.rapporteur = rapporteur
    _event(report, ReportEventKind.ASSIGNED, actor, comment, assignee=rapporteur)
    commit_or_conflict(report)


# Editing --------------------------------------------------------------------------------


def lines(text: str | None) -> list[str]:
    """The non-blank lines of a textarea, stripped: one item per line, in order."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def as_lines(items) -> str:
    return "\n".join(item.text for item in items)


@dataclass
class ReportContent:
    summary: str
    priorities: str
    key_messages: str
    divergence: str
    strategy_notes: str

    @classmethod
    def of(cls, report: Report) -> "ReportContent":
        internal = report.internal
        return cls(
            summary=report.summary or "",
            priorities=as_lines(report.priorities),
            key_messages=as_lines(report.key_messages),
            divergence=internal.divergence if internal else "",
            strategy_notes=internal.strategy_notes if internal else "",
        )


def conflict_fields(mine: ReportContent, theirs: ReportContent, labels: dict) -> list:
    return [
        ConflictField(label=labels[name], mine=getattr(mine, name), theirs=getattr(theirs, name))
        for name in labels
        if (getattr(mine, name) or "").strip() != (getattr(theirs, name) or "").strip()
    ]


def _messages_in_use(messages: list[KeyMessage]) -> list[KeyMessage]:
    """Those that governments read, were discussed at a small table, or have duplicates
    merged into them: removing them would lose what refers to them."""
    if not messages:
        return []
    ids = [m.id for m in messages]
    referred = exists().where(Stance.key_message_id == KeyMessage.id)
    in_use = {m.id for m in messages if m.visibility == Visibility.SHARED}
    in_use |= set(db.session.scalars(select(KeyMessage.id).where(KeyMessage.id.in_(ids), referred)))
    in_use |= set(
        db.session.scalars(
            select(KeyMessage.merged_into_id).where(KeyMessage.merged_into_id.in_(ids))
        )
    )
    return [m for m in messages if m.id in in_use]


def save_report(report: Report, version, content: ReportContent, actor: User) -> None:
    """Save the rapporteur's text; a stale form raises EditConflict and changes nothing."""
    check_version(report, version)
    message_lines = lines(content.key_messages)
    removed = report.key_messages[len(message_lines) :]
    in_use = _messages_in_use(removed)
    if in_use:
        raise MessagesInUse(in_use)

    report.summary = content.summary.strip()
    report.priorities = [
        ReportPriority(rank=rank, text=text)
        for rank, text in enumerate(lines(content.priorities), start=1)
    ]
    kept = report.key_messages[: len(message_lines)]
    for rank, (message, text) in enumerate(zip(kept, message_lines, strict=False), start=1):
        if message.text != text:
            message.text = text
        if message.rank != rank:
            message.rank = rank
    for rank in range(len(kept) + 1, len(message_lines) + 1):
        db.session.add(
            KeyMessage(
                act_id=report.act_id,
                report=report,
                rank=rank,
                text=message_lines[rank - 1],
            )
        )
    for message in removed:
        db.session.delete(message)
    if report.internal is None:
        report.internal = ReportInternal()
    report.internal.divergence = content.divergence.strip()
    report.internal.strategy_notes = content.strategy_notes.strip()
    report.updated_at = utcnow()  # always an UPDATE, so the version moves on
    _event(report, ReportEventKind.SAVED, actor)
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
}


def advance(report: Report, step_name: str, actor: User, comment: str = "") -> None:
    step = STEPS[step_name]
    if report.status not in step.sources:
        raise WrongState(step_name)
    report.status = step.target
    now = utcnow()
    if step.target == ReportStatus.SUBMITTED:
        report.submitted_at = now
    elif step.target == ReportStatus.ACCEPTED:
        report.accepted_at = now
    elif step_name == "reopen":
        report.accepted_at = None
    _event(report, step.event, actor, comment)
    commit_or_conflict(report)


# Publishing -------------------------------------------------------------------------------


def publish_report(report: Report, actor: User) -> None:
    """Let governments read the accepted report as it stands, and its active key messages;
    its internal part stays civil-society. Publishing again replaces what they read."""
    if report.status != ReportStatus.ACCEPTED:
        raise WrongState("publish")
    publishing.publish(report, actor, _("Report: %(act)s", act=report.act.label))
    for message in report.key_messages:
        if not message.is_merged:
            publishing.publish(message, actor, _message_summary(message))
    _event(report, ReportEventKind.PUBLISHED, actor)
    db.session.commit()


def withdraw_report(report: Report, actor: User) -> None:
    """Governments no longer read the report, nor any of its key messages."""
    publishing.withdraw(report, actor, _("Report: %(act)s", act=report.act.label))
    for message in report.key_messages:
        if message.visibility == Visibility.SHARED:
            publishing.withdraw(message, actor, _message_summary(message))
    _event(report, ReportEventKind.WITHDRAWN, actor)
    db.session.commit()


def publish_message(message: KeyMessage, actor: User) -> None:
    publishing.publish(message, actor, _message_summary(message))
    db.session.commit()


def withdraw_message(message: KeyMessage, actor: User) -> None:
    publishing.withdraw(message, actor, _message_summary(message))
    db.session.commit()


def _message_summary(message: KeyMessage) -> str:
    return _("Key message #%(id)d", id=message.id)


# Ordering and merging key messages ----------------------------------------------------------


def parse_order(text: str | None) -> list[int] | None:
    try:
        return [int(part) for part in (text or "").split(",") if part.strip()]
    except ValueError:
        return None


def order_key_messages(report: Report, ids: list[int]) -> None:
    """Rank the report's key messages in the order given; every one of them, once."""
    messages = {message.id: message for message in report.key_messages}
    if sorted(ids) != sorted(messages):
        raise ValueError("the order must list each key message of the report once")
    for rank, message_id in enumerate(ids, start=1):
        if messages[message_id].rank != rank:
            messages[message_id].rank = rank
    report.updated_at = utcnow()  # an open edit form now holds a stale order
    commit_or_conflict(report)


def moved(ids: list[int], index: int, offset: int) -> str:
    """The order after moving the item at `index` by `offset`, as the form sends it."""
    order = list(ids)
    target = index + offset
    order[index], order[target] = order[target], order[index]
    return ",".join(str(i) for i in order)


def merge_key_message(message: KeyMessage, target: KeyMessage) -> None:
    """Mark `message` a duplicate of `target`; what was merged into it follows along."""
    if target.id == message.id or target.act_id != message.act_id or target.is_merged:
        raise ValueError("merge into another active key message of the same ACT")
    message.merged_into = target
    for earlier in db.session.scalars(merged_from(message)).all():
        earlier.merged_into = target
    commit_or_conflict(message)
