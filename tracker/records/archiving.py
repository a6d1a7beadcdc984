"""Archiving and restoring records, and purging archived ones: nothing is deleted from the
interface.

Archiving stamps the record and every live record that hangs on it (a meeting's agenda
items, an item's notes, reports and table outcomes, a report's key messages, a key
message's or an outcome's actions) with the activity entry that archived them; the
reader's filter then hides them all, and what merely refers to them (reflections, stances,
revisions, speakers, progress updates, notifications) goes with them. Restoring clears
exactly the records of that entry, so everything comes back linked as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.records import events
from tracker.records.actions import Action
from tracker.records.activity import Activity, ActivityVerb, log_activity
from tracker.records.agenda import Meeting, MeetingSession
from tracker.records.base import ArchivableMixin
from tracker.records.drafts import Draft
from tracker.records.notes import Note
from tracker.records.reader import INCLUDE_ARCHIVED
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import TableOutcome

REASON_MAX = 500

# Every archivable record, by its table's name (the activity log's record type), in the
# order a purge deletes them: what hangs on a record before the record.
ARCHIVABLE: dict[str, type[ArchivableMixin]] = {
    model.__tablename__: model
    for model in (Action, KeyMessage, Note, Report, TableOutcome, MeetingSession, Meeting, Draft)
}
# What is archived with a record: each kind of record that hangs on it, by which column.
HANGING_ON: dict[type[ArchivableMixin], tuple[tuple[type[ArchivableMixin], str], ...]] = {
    Meeting: ((MeetingSession, "meeting_id"),),
    MeetingSession: ((Note, "session_id"), (Report, "session_id"), (TableOutcome, "session_id")),
    Report: ((KeyMessage, "report_id"),),
    KeyMessage: ((Action, "key_message_id"),),
    TableOutcome: ((Action, "outcome_id"),),
}


class ArchiveError(ValueError):
    """The record cannot be archived or restored as asked (the message says why)."""


def find(kind: str, record_id: int) -> ArchivableMixin | None:
    """The record of that kind and id, archived or not (None for an unknown kind or id)."""
    model = ARCHIVABLE.get(kind)
    if model is None:
        return None
    query = select(model).where(model.id == record_id)
    return db.session.scalars(query, execution_options={INCLUDE_ARCHIVED: True}).first()


def label(record: ArchivableMixin) -> str:
    """What the record is called, for the log and the archive page."""
    match record:
        case Note() | Action() | Meeting() | MeetingSession():
            return record.title
        case Draft():
            return record.name
        case Report():
            return _("Report of the group session on ACT %(number)d", number=record.act.number)
        case KeyMessage():
            return _("Key message: %(text)s", text=_shorten(record.text))
        case TableOutcome():
            return _("Small table on ACT %(number)d: outcome", number=record.act.number)
    return f"{record.record_type} {record.id}"


def _shorten(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def archive(record: ArchivableMixin, actor, reason: str) -> Activity:
    """Archive `record` and what hangs on it, log it with the reason; the caller commits."""
    if record.is_archived:
        raise ArchiveError(_("This record is already archived."))
    reason = reason.strip()
    if not reason:
        raise ArchiveError(_("Say why it is archived."))
    entry = log_activity(actor, ActivityVerb.ARCHIVED, record, label(record), reason[:REASON_MAX])
    db.session.flush()
    stamp = {
        "archived_at": utcnow(),
        "archived_by_id": actor.id if actor is not None else None,
        "archive_reason": reason[:REASON_MAX],
        "archived_in_id": entry.id,
    }
    for name, value in stamp.items():
        setattr(record, name, value)
    _archive_hanging(record, stamp)
    events.record_archived.send(record, actor=actor)
    return entry


def _archive_hanging(record, stamp: dict) -> None:
    for model, column in HANGING_ON.get(type(record), ()):
        query = select(model).where(
            getattr(model, column) == record.id,
            model.archived_at.is_(None),
        )
        for child in db.session.scalars(query, execution_options={INCLUDE_ARCHIVED: True}):
            for name, value in stamp.items():
                setattr(child, name, value)
            _archive_hanging(child, stamp)


def restore(record: ArchivableMixin, actor) -> Activity:
    """Bring `record` back with what was archived with it, and log it; the caller commits."""
    if not record.is_archived:
        raise ArchiveError(_("This record is not archived."))
    if _archived_parent(record):
        raise ArchiveError(_("What this record belongs to is archived: restore that first."))
    entry_id = record.archived_in_id
    if entry_id is not None:
        for model in ARCHIVABLE.values():
            db.session.execute(
                update(model)
                .where(model.archived_in_id == entry_id)
                .values(
                    archived_at=None, archived_by_id=None, archive_reason="", archived_in_id=None
                ),
                execution_options={"synchronize_session": "fetch"},
            )
    record.archived_at = None
    record.archived_by_id = None
    record.archive_reason = ""
    record.archived_in_id = None
    entry = log_activity(actor, ActivityVerb.RESTORED, record, label(record))
    events.record_restored.send(record, actor=actor)
    return entry


def _archived_parent(record: ArchivableMixin) -> bool:
    """Whether something `record` hangs on is archived (it would come back orphaned)."""
    for parent, hanging in HANGING_ON.items():
        for model, column in hanging:
            parent_id = getattr(record, column) if isinstance(record, model) else None
            if parent_id is None:
                continue
            query = select(parent.archived_at).where(parent.id == parent_id)
            archived = db.session.scalars(query, execution_options={INCLUDE_ARCHIVED: True})
            if archived.first() is not None:
                return True
    return False


@dataclass(frozen=True)
class Purged:
    kind: str
    count: int


def purge_archived(before: date) -> list[Purged]:
    """Delete for good every record archived before `before` (and what the database holds
    only for them: revisions, reflections, updates...); the caller commits. For
    data-protection requests: the interface never deletes.

    The log keeps who did what and when, but no longer what the purged records were called
    (their earlier entries lose their summary and detail); one entry per record says it was
    purged, with the date the purge went back to."""
    cutoff = datetime.combine(before, time.min, tzinfo=UTC)
    purged = []
    for kind, model in ARCHIVABLE.items():
        ids = list(
            db.session.scalars(
                select(model.id).where(model.archived_at < cutoff),
                execution_options={INCLUDE_ARCHIVED: True},
            )
        )
        if not ids:
            continue
        db.session.execute(
            update(Activity)
            .where(Activity.record_type == kind, Activity.record_id.in_(ids))
            .values(summary="", detail=""),
            execution_options={"synchronize_session": False},
        )
        db.session.execute(
            delete(model).where(model.id.in_(ids)),
            execution_options={"synchronize_session": False},
        )
        for record_id in ids:
            db.session.add(
                Activity(
                    verb=ActivityVerb.PURGED,
                    record_type=kind,
                    record_id=record_id,
                    summary=f"{kind} {record_id}",
                    detail=before.isoformat(),
                )
            )
        purged.append(Purged(kind, len(ids)))
    db.session.expire_all()
    return purged
