"""Queries about meetings, their agenda and the milestones."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload, load_only, selectinload

from tracker.core.extensions import db
from tracker.records.agenda import Meeting, MeetingSession, Speaker
from tracker.records.notes import Note
from tracker.records.reports import Report
from tracker.records.tables import TableOutcome


def agenda_of(meeting: Meeting) -> Select:
    return (
        select(MeetingSession)
        .where(MeetingSession.meeting_id == meeting.id)
        .options(
            selectinload(MeetingSession.acts),
            selectinload(MeetingSession.speakers).joinedload(Speaker.organization),
        )
        .order_by(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)
    )


# A meeting with more items than this is shown one day at a time, with a tab per day.
ONE_PAGE_ITEMS = 40


def by_day(sessions: Iterable[MeetingSession]) -> list[tuple]:
    return [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s.day)]


@dataclass
class SessionRecords:
    notes: int = 0
    reports: list[Report] = field(default_factory=list)
    outcomes: list[TableOutcome] = field(default_factory=list)


def records_by_session(meeting: Meeting) -> dict[int, SessionRecords]:
    """What each session of a meeting has recorded (as the reader may see it), in 3 queries."""
    in_meeting = select(MeetingSession.id).where(MeetingSession.meeting_id == meeting.id)
    records: dict[int, SessionRecords] = defaultdict(SessionRecords)
    note_counts = db.session.execute(
        select(Note.session_id, func.count())
        .where(Note.session_id.in_(in_meeting))
        .group_by(Note.session_id)
    )
    for session_id, count in note_counts:
        records[session_id].notes = count
    for report in _linked(Report, in_meeting):
        records[report.session_id].reports.append(report)
    for outcome in _linked(TableOutcome, in_meeting):
        records[outcome.session_id].outcomes.append(outcome)
    return records


_Linked = TypeVar("_Linked", Report, TableOutcome)


def _linked(model: type[_Linked], sessions: Select) -> Sequence[_Linked]:
    """The records of `sessions`, with only what the agenda links show: never the texts of
    reports and outcomes."""
    return db.session.scalars(
        select(model)
        .where(model.session_id.in_(sessions))
        .options(
            load_only(model.id, model.session_id, model.act_id, model.visibility),
            joinedload(model.act),
        )
    ).all()
