"""Queries about meetings, their agenda and the milestones."""

from itertools import groupby

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from tracker.agenda.models import Meeting, MeetingSession, Milestone, Speaker


def meetings_in_order() -> Select:
    return select(Meeting).order_by(Meeting.starts_on.desc())


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


def by_day(sessions: list[MeetingSession]) -> list[tuple]:
    return [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s.day)]


def session_with_details(session_id: int) -> Select:
    return (
        select(MeetingSession)
        .where(MeetingSession.id == session_id)
        .options(
            selectinload(MeetingSession.acts),
            selectinload(MeetingSession.speakers).joinedload(Speaker.organization),
            selectinload(MeetingSession.meeting),
        )
    )


def milestones_in_order() -> Select:
    return select(Milestone).order_by(Milestone.starts_on)
