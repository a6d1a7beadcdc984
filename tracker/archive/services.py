"""What the archive reads and does: the archived records (newest first), archiving and
restoring with a commit, and the page of each kind of record."""

from flask import url_for
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import joinedload

from tracker.core.extensions import db
from tracker.core.pagination import Page
from tracker.records import archiving
from tracker.records.activity import Activity, ActivityVerb
from tracker.records.base import ArchivableMixin
from tracker.records.reader import INCLUDE_ARCHIVED

PER_PAGE = 30

# The page of each kind of record (a coordinator reads it archived, with its banner).
PAGES = {
    "note": ("notes.show", lambda r: {"note_id": r.id}),
    "report": ("reports.show", lambda r: {"report_id": r.id}),
    "key_message": ("thread.message", lambda r: {"message_id": r.id}),
    "table_outcome": ("tables.show_outcome", lambda r: {"outcome_id": r.id}),
    "action": ("actions.show", lambda r: {"action_id": r.id}),
    "draft": ("drafts.show", lambda r: {"draft_id": r.id}),
    "meeting": ("agenda.meeting", lambda r: {"slug": r.slug}),
    "meeting_session": ("thread.session", lambda r: {"session_id": r.id}),
}


def page_of_record(record: ArchivableMixin) -> str:
    endpoint, arguments = PAGES[record.record_type]
    return url_for(endpoint, **arguments(record))


def archived_entries(kind: str | None) -> Select:
    """The archive entries of the records still archived by them (not those archived with
    another record), newest first."""
    models = archiving.ARCHIVABLE if kind is None else {kind: archiving.ARCHIVABLE[kind]}
    still_archived = [
        and_(
            Activity.record_type == name,
            Activity.record_id.in_(select(model.id).where(model.archived_in_id == Activity.id)),
        )
        for name, model in models.items()
    ]
    return select(Activity).where(Activity.verb == ActivityVerb.ARCHIVED, or_(*still_archived))


def archived_page(kind: str | None, page: int) -> Page:
    query = archived_entries(kind)
    options = {INCLUDE_ARCHIVED: True}
    total = db.session.scalar(
        select(func.count()).select_from(query.subquery()), execution_options=options
    )
    items = db.session.scalars(
        query.options(joinedload(Activity.actor))
        .order_by(Activity.created_at.desc(), Activity.id.desc())
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE),
        execution_options=options,
    ).all()
    return Page(items=list(items), page=page, per_page=PER_PAGE, total=total or 0)


def archive_entry(record: ArchivableMixin) -> Activity | None:
    """The activity entry that archived `record` (who, when, why)."""
    if record.archived_in_id is None:
        return None
    query = select(Activity).where(Activity.id == record.archived_in_id)
    return db.session.scalars(query.options(joinedload(Activity.actor))).first()


def archive(record: ArchivableMixin, actor, reason: str) -> None:
    archiving.archive(record, actor, reason)
    db.session.commit()


def restore(record: ArchivableMixin, actor) -> None:
    archiving.restore(record, actor)
    db.session.commit()
