"""Queries about the ACTs."""

from sqlalchemy import Select, select

from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession


def acts_in_order() -> Select:
    return select(Act).order_by(Act.number)


def sessions_for_act(act: Act) -> Select:
    """The agenda items that cover this ACT (group sessions, small tables...)."""
    return (
        select(MeetingSession)
        .where(MeetingSession.acts.contains(act))
        .order_by(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)
    )
