"""Writing a report: what its edit form holds, and saving it (every save a version; a stale
form meets a conflict, never overwrites)."""

from dataclasses import dataclass

from sqlalchemy import exists, select

from tracker.core.conflicts import ConflictField, check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.records.accounts import User
from tracker.records.base import Visibility
from tracker.records.reports import (
    KeyMessage,
    Report,
    ReportEventKind,
    ReportInternal,
    ReportPriority,
)
from tracker.records.tables import Stance
from tracker.reports.services import record_event


class MessagesInUseError(Exception):
    """Removing these key messages would lose what refers to them."""

    def __init__(self, messages: list[KeyMessage]) -> None:
        super().__init__(", ".join(str(m.id) for m in messages))
        self.messages = messages


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
    """Save the rapporteur's text; a stale form raises EditConflictError and changes nothing."""
    check_version(report, version)
    message_lines = lines(content.key_messages)
    removed = report.key_messages[len(message_lines) :]
    in_use = _messages_in_use(removed)
    if in_use:
        raise MessagesInUseError(in_use)

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
    record_event(report, ReportEventKind.SAVED, actor)
    commit_or_conflict(report)
