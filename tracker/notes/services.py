"""Writing notes together: create, save (every save a revision), restore; and the queries.

Every change goes through `_add_revision`, which commits once and turns a save made from a
stale form (or a race lost at commit) into an `EditConflictError`: nothing is ever overwritten.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defer, joinedload, selectinload

from tracker.core.conflicts import EditConflictError, check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.records import publishing
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, SessionKind, session_act
from tracker.records.notes import Note, NoteRevision
from tracker.text.diffing import change_counts, word_diff

HISTORY_PER_PAGE = 50
# Sessions where people take notes; the ACT page offers "New note" in these.
NOTE_SESSION_KINDS = (SessionKind.GROUP_SESSION, SessionKind.SMALL_TABLE)


# Queries


def session_for_new_note(session_id: int) -> Select:
    return (
        select(MeetingSession)
        .where(MeetingSession.id == session_id)
        .options(selectinload(MeetingSession.acts), joinedload(MeetingSession.meeting))
    )


def note_page(note_id: int) -> Select:
    """One note with everything its pages show: session, ACT, who wrote and last edited it."""
    return (
        select(Note)
        .where(Note.id == note_id)
        .options(
            joinedload(Note.session).joinedload(MeetingSession.meeting),
            joinedload(Note.act),
            joinedload(Note.created_by),
            joinedload(Note.updated_by),
        )
    )


def revision_of(note: Note, number: int) -> Select:
    return (
        select(NoteRevision)
        .where(NoteRevision.note_id == note.id, NoteRevision.number == number)
        .options(joinedload(NoteRevision.author))
    )


def _notes_in_order(*criteria) -> Select:
    return (
        select(Note)
        .where(*criteria)
        .options(joinedload(Note.act), joinedload(Note.updated_by))
        .order_by(Note.created_at, Note.id)
    )


# Writing


def create_note(
    session: MeetingSession,
    act: Act | None,
    title: str,
    body: str,
    author: User,
    share: bool = False,
) -> Note:
    """A new note, civil society only unless a coordinator shares it at once (`share`)."""
    note = Note(
        session_id=session.id,
        act_id=act.id if act else None,
        title=title,
        body=body,
        created_by_id=author.id,
        updated_by_id=author.id,
        revision_count=1,
    )
    db.session.add(note)
    db.session.flush()  # the note's id, for its first revision
    db.session.add(
        NoteRevision(note_id=note.id, number=1, title=title, body=body, author_id=author.id)
    )
    if share:
        publishing.publish(note, author, note.title)
    db.session.commit()
    return note


def publish_note(note: Note, actor: User) -> None:
    """Governments read the note as it stands now (its current revision)."""
    publishing.publish(note, actor, note.title)
    db.session.commit()


def withdraw_note(note: Note, actor: User) -> None:
    publishing.withdraw(note, actor, note.title)
    db.session.commit()


def save_note(
    note: Note,
    title: str,
    body: str,
    submitted_version: int | str | None,
    author: User,
    share: bool = False,
) -> NoteRevision | None:
    """Save a new revision, or None when the text is already the saved one; with `share`,
    governments then read this revision.

    Raises EditConflictError when someone else saved since the form was loaded.
    """
    if title == note.title and body == note.body:
        if share:
            publish_note(note, author)
        return None  # whatever the version, nothing the user typed would be lost
    check_version(note, submitted_version)
    revision = _add_revision(note, title, body, author)
    if share:
        publish_note(note, author)
    return revision


def restore_revision(
    note: Note, revision: NoteRevision, submitted_version: int | str | None, author: User
) -> NoteRevision | None:
    """Bring an old revision back as a new one (a restore is a save: same version check)."""
    if revision.title == note.title and revision.body == note.body:
        return None
    check_version(note, submitted_version)
    return _add_revision(note, revision.title, revision.body, author, restored_from=revision.number)


def _add_revision(
    note: Note, title: str, body: str, author: User, restored_from: int | None = None
) -> NoteRevision:
    revision = NoteRevision(
        note_id=note.id,
        number=note.revision_count + 1,
        title=title,
        body=body,
        author_id=author.id,
        restored_from=restored_from,
    )
    note.title = title
    note.body = body
    note.updated_by_id = author.id
    note.revision_count = revision.number
    db.session.add(revision)
    try:
        # The UPDATE of the note (WHERE version = the one read) runs before the INSERT of
        # the revision, so a concurrent save shows up as a stale version...
        commit_or_conflict(note)
    except IntegrityError:
        # ...or, at worst, as a second revision with the same number.
        db.session.rollback()
        raise EditConflictError(note) from None
    return revision


# History and comparison


@dataclass(frozen=True)
class HistoryEntry:
    number: int
    created_at: datetime
    author_name: str | None
    restored_from: int | None
    size: int
    change: int  # characters added (positive) or removed (negative) since the previous revision


@dataclass(frozen=True)
class HistoryPage:
    entries: list[HistoryEntry]
    page: int
    pages: int


def history_of(note: Note, page: int = 1, per_page: int = HISTORY_PER_PAGE) -> HistoryPage:
    """A page of revisions, newest first, with their size change, in one query."""
    pages = max(1, -(-note.revision_count // per_page))
    page = min(max(page, 1), pages)
    size = (func.length(NoteRevision.title) + func.length(NoteRevision.body)).label("size")
    rows = db.session.execute(
        select(
            NoteRevision.number,
            NoteRevision.created_at,
            NoteRevision.restored_from,
            size,
            User.name,
        )
        .outerjoin(User, NoteRevision.author_id == User.id)
        .where(NoteRevision.note_id == note.id)
        .order_by(NoteRevision.number.desc())
        .offset((page - 1) * per_page)
        # One more row than shown: the revision before the last one shown, for its change.
        .limit(per_page + 1)
    ).all()
    entries = []
    for index, row in enumerate(rows[:per_page]):
        previous_size = rows[index + 1].size if index + 1 < len(rows) else 0
        entries.append(
            HistoryEntry(
                number=row.number,
                created_at=row.created_at,
                author_name=row.name,
                restored_from=row.restored_from,
                size=row.size,
                change=row.size - previous_size,
            )
        )
    return HistoryPage(entries=entries, page=page, pages=pages)


@dataclass(frozen=True)
class Comparison:
    old: NoteRevision
    new: NoteRevision
    title_diff: Markup | None
    body_diff: Markup
    inserted: int
    deleted: int


def compare(note: Note, old_number: int, new_number: int) -> Comparison | None:
    """The word difference between two revisions of `note`; None if either is missing."""
    revisions = {
        revision.number: revision
        for revision in db.session.scalars(
            select(NoteRevision)
            .where(
                NoteRevision.note_id == note.id,
                NoteRevision.number.in_({old_number, new_number}),
            )
            .options(joinedload(NoteRevision.author))
        )
    }
    if old_number not in revisions or new_number not in revisions:
        return None
    old, new = revisions[old_number], revisions[new_number]
    inserted, deleted = change_counts(old.body, new.body)
    return Comparison(
        old=old,
        new=new,
        title_diff=word_diff(old.title, new.title) if old.title != new.title else None,
        body_diff=word_diff(old.body, new.body),
        inserted=inserted,
        deleted=deleted,
    )


# Sections of the session page and the ACT page


@dataclass(frozen=True)
class SessionNotes:
    session: MeetingSession
    notes: list[Note]


def for_session(session: MeetingSession) -> SessionNotes:
    """The notes of one session the reader may see, in one query."""
    notes = db.session.scalars(_notes_in_order(Note.session_id == session.id)).unique().all()
    return SessionNotes(session=session, notes=list(notes))


ACT_PAGE_NOTES = 10


@dataclass(frozen=True)
class ActNotes:
    act: Act
    notes: list[Note]  # the latest ones, at most ACT_PAGE_NOTES
    sessions: list[MeetingSession]  # where a new note on this ACT can be written
    total: int = 0


def for_act(act: Act, act_sessions: Sequence[MeetingSession] | None = None) -> ActNotes:
    """The latest notes on this ACT (and ACT-less notes of its sessions) with how many there
    are, in one query (two without `act_sessions`, the ACT's agenda items)."""
    act_session_ids = select(session_act.c.session_id).where(session_act.c.act_id == act.id)
    rows = db.session.execute(
        select(Note, func.count().over())
        .where(
            or_(
                Note.act_id == act.id,
                Note.act_id.is_(None) & Note.session_id.in_(act_session_ids),
            )
        )
        .options(
            defer(Note.body),
            joinedload(Note.act),
            joinedload(Note.updated_by),
            joinedload(Note.session),
        )
        .order_by(Note.updated_at.desc(), Note.id.desc())
        .limit(ACT_PAGE_NOTES)
    ).all()
    if act_sessions is None:
        act_sessions = db.session.scalars(
            select(MeetingSession)
            .where(MeetingSession.id.in_(act_session_ids))
            .order_by(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)
        ).all()
    sessions = [item for item in act_sessions if item.kind in NOTE_SESSION_KINDS]
    return ActNotes(
        act=act,
        notes=[note for note, _total in rows],
        sessions=sessions,
        total=rows[0][1] if rows else 0,
    )
