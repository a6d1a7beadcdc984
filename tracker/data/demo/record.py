"""Load the governments for small tables and the demo meeting record (record.toml): notes
with their revisions, reports with key messages and workflow, table outcomes with stances.

Every record is found by its natural key before it is created, so loading twice changes
nothing: a government by name, a note by (session, title), a report and a table outcome by
(session, ACT). These functions only flush; the caller commits (`load_demo` does, once, at
the end). Records shared with governments are published as they stand.
"""

from datetime import UTC, datetime

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.demo.agenda import AGENDA
from tracker.data.files import read_toml
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession
from tracker.records.base import Visibility
from tracker.records.notes import Note, NoteRevision
from tracker.records.publishing import publish_new
from tracker.records.reports import (
    KeyMessage,
    Report,
    ReportEvent,
    ReportEventKind,
    ReportInternal,
    ReportPriority,
    ReportStatus,
)
from tracker.records.tables import Government, GovernmentKind, Position, Stance, TableOutcome
from tracker.text.redaction import member_states, un_agency_names

RECORD = read_toml(__package__, "record.toml")
# The last line of every note, report summary and table summary, by language.
ILLUSTRATIVE: dict[str, str] = RECORD["illustrative"]


def government_rows() -> list[dict]:
    """Every member state (by ISO code: its names come from CLDR) and UN agency (with its
    French and Spanish names), as rows of the government table. The data lives with the
    text engine, which redacts these names."""
    states = [
        {"name": name, "iso_code": iso, "kind": GovernmentKind.MEMBER_STATE, "translations": {}}
        for iso, name in member_states()
    ]
    agencies = [
        {
            "name": name,
            "iso_code": None,
            "kind": GovernmentKind.UN_AGENCY,
            "translations": {lang: {"name": text} for lang, text in names.items()},
        }
        for name, names in un_agency_names().items()
    ]
    return states + agencies


def load_governments() -> dict[str, Government]:
    """The 193 UN member states and the UN agencies; return every government by name."""
    governments = {item.name: item for item in db.session.scalars(select(Government))}
    for row in government_rows():
        if row["name"] not in governments:
            governments[row["name"]] = Government(**row)
            db.session.add(governments[row["name"]])
    db.session.flush()
    return governments


def load_record() -> None:
    """Notes, reports with key messages and workflow, and small-table outcomes."""
    users = {user.email: user for user in db.session.scalars(select(User))}
    sessions = _sessions()
    acts = {act.number: act for act in db.session.scalars(select(Act))}
    for row in RECORD["notes"]:
        _load_note(row, sessions, acts, users)
    for row in RECORD["reports"]:
        _load_report(row, sessions, acts, users)
    governments = {item.name: item for item in db.session.scalars(select(Government))}
    for row in RECORD["outcomes"]:
        _load_outcome(row, sessions, acts, users, governments)
    db.session.flush()


def _sessions() -> dict[str, MeetingSession]:
    return {
        item.key: item
        for item in db.session.scalars(
            select(MeetingSession)
            .join(Meeting, MeetingSession.meeting_id == Meeting.id)
            .where(Meeting.slug == AGENDA.meeting["slug"])
        )
    }


def _utc(moment: datetime) -> datetime:
    """A time of the record, written with its offset, in UTC."""
    if moment.tzinfo is None:
        raise ValueError(f"record.toml: {moment} needs its UTC offset, e.g. -06:00")
    return moment.astimezone(UTC)


def _illustrated(text: str, language: str) -> str:
    return f"{text}\n\n{ILLUSTRATIVE[language]}"


def _note_bodies(row: dict) -> list[str]:
    """The body of each revision of a note: its first blocks, then the illustrative line."""
    bodies = []
    for revision in row["revisions"]:
        blocks = list(row["blocks"][: revision["blocks"]])
        for number, text in revision.get("earlier", {}).items():
            blocks[int(number) - 1] = text
        bodies.append(_illustrated("\n\n".join(blocks), row["lang"]))
    return bodies


def _load_note(row: dict, sessions, acts, users) -> None:
    session = sessions.get(row["session"])
    if session is None:
        return
    exists = db.session.scalar(
        select(Note.id).where(Note.session_id == session.id, Note.title == row["title"])
    )
    if exists is not None:
        return
    revisions = row["revisions"]
    bodies = _note_bodies(row)
    first, last = revisions[0], revisions[-1]
    note = Note(
        session=session,
        act=acts.get(row["act"]),
        title=row["title"],
        body=bodies[-1],
        created_by=users.get(first["author"]),
        updated_by=users.get(last["author"]),
        revision_count=len(revisions),
        created_at=_utc(first["at"]),
        updated_at=_utc(last["at"]),
    )
    db.session.add(note)
    for number, (revision, body) in enumerate(zip(revisions, bodies, strict=True), start=1):
        db.session.add(
            NoteRevision(
                note=note,
                number=number,
                title=row["title"],
                body=body,
                author=users.get(revision["author"]),
                created_at=_utc(revision["at"]),
            )
        )
    _publish_if_shared(note, row["visibility"], _utc(last["at"]))


def _load_report(row: dict, sessions, acts, users) -> None:
    session, act = sessions.get(row["session"]), acts.get(row["act"])
    if session is None or act is None:
        return
    exists = db.session.scalar(
        select(Report.id).where(Report.session_id == session.id, Report.act_id == act.id)
    )
    if exists is not None:
        return
    events = [{**event, "at": _utc(event["at"])} for event in row["events"]]
    status = ReportStatus(row["status"])
    submissions = [event["at"] for event in events if event["kind"] == "submitted"]
    acceptances = [event["at"] for event in events if event["kind"] == "accepted"]
    report = Report(
        act=act,
        session=session,
        rapporteur=users.get(row["rapporteur"]),
        status=status,
        summary=_illustrated(row["summary"], row["lang"]),
        # The last submission, kept when a report is returned; none for a draft.
        submitted_at=submissions[-1] if submissions and status != ReportStatus.DRAFT else None,
        accepted_at=acceptances[-1] if status == ReportStatus.ACCEPTED else None,
        created_at=events[0]["at"],
        updated_at=events[-1]["at"],
    )
    report.priorities = [
        ReportPriority(rank=rank, text=text) for rank, text in enumerate(row["priorities"], 1)
    ]
    report.internal = ReportInternal(
        divergence=row["divergence"], strategy_notes=row["strategy_notes"]
    )
    report.events = [
        ReportEvent(
            kind=ReportEventKind(event["kind"]),
            actor=users.get(event["actor"]),
            comment=event.get("comment", ""),
            created_at=event["at"],
        )
        for event in events
    ]
    db.session.add(report)
    _publish_if_shared(report, row["visibility"], events[-1]["at"])
    for rank, text in enumerate(row["key_messages"], start=1):
        message = KeyMessage(
            act=act,
            report=report,
            rank=rank,
            text=text,
            created_at=events[0]["at"],
            updated_at=events[-1]["at"],
        )
        db.session.add(message)
        _publish_if_shared(message, row["key_messages_visibility"], events[-1]["at"])


def _load_outcome(row: dict, sessions, acts, users, governments) -> None:
    session, act = sessions.get(row["session"]), acts.get(row["act"])
    if session is None or act is None:
        return
    exists = db.session.scalar(
        select(TableOutcome.id).where(
            TableOutcome.session_id == session.id, TableOutcome.act_id == act.id
        )
    )
    if exists is not None:
        return
    messages = _key_messages(act, row["act"])
    present = [
        governments[name] for name in [*row["governments"], *row["agencies"]] if name in governments
    ]
    outcome = TableOutcome(
        act=act,
        session=session,
        civil_society_participants=row["civil_society_participants"],
        summary=_illustrated(row["summary"], row["lang"]),
        commitments=row["commitments"],
        follow_ups=row["follow_ups"],
        chatham_house=row["chatham_house"],
        recorded_by=users.get(row["recorded_by"]),
        created_at=_utc(row["created_at"]),
        updated_at=_utc(row["updated_at"]),
        governments=present,
    )
    for government in present:
        for message, (position, note) in zip(
            messages, row["stances"][government.name], strict=True
        ):
            if message is not None:
                outcome.stances.append(
                    Stance(
                        government=government,
                        key_message=message,
                        position=Position(position),
                        note=note,
                    )
                )
    db.session.add(outcome)
    _publish_if_shared(outcome, row["visibility"], _utc(row["updated_at"]))


def _key_messages(act: Act, number: int) -> list[KeyMessage | None]:
    """The ACT's key messages, in the order of its report's data, found by their text."""
    report_row = next(item for item in RECORD["reports"] if item["act"] == number)
    by_text = {
        message.text: message
        for message in db.session.scalars(
            select(KeyMessage).where(
                KeyMessage.act_id == act.id, KeyMessage.merged_into_id.is_(None)
            )
        )
    }
    return [by_text.get(text) for text in report_row["key_messages"]]


def _publish_if_shared(record, visibility: str, at: datetime) -> None:
    """The demo's records shared with governments were published as they stand (once
    flushed, so the snapshot holds the ids of what it names)."""
    if Visibility(visibility) == Visibility.SHARED:
        db.session.flush()
        publish_new(record, None, at)
