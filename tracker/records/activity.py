"""The workspace's activity log: who did what to which record, and when (append-only)."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model, db
from tracker.core.models import str_enum, utcnow
from tracker.records.accounts import User
from tracker.records.base import DerivedVisibilityMixin


class ActivityVerb(enum.StrEnum):
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    ARCHIVED = "archived"
    RESTORED = "restored"
    PURGED = "purged"


class Activity(DerivedVisibilityMixin, Model):
    """One entry of the log. Civil society only: observers read none of it."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    verb: Mapped[ActivityVerb] = mapped_column(str_enum(ActivityVerb, "activity_verb"))
    # The record's table and id (no foreign key: the log outlives what it names).
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    act_id: Mapped[int | None] = mapped_column(ForeignKey("act.id", ondelete="SET NULL"))
    # What the record was called then ("Key message #12"), for a log that reads on its own.
    summary: Mapped[str] = mapped_column(Text, default="")
    # Why (the reason given for an archive, the date a purge went back to).
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")

    actor: Mapped[User | None] = relationship()

    __table_args__ = (
        Index("ix_activity_record", "record_type", "record_id"),
        Index("ix_activity_created_at", "created_at"),
    )


def log_activity(
    actor: User | None, verb: ActivityVerb, record, summary: str = "", detail: str = ""
) -> Activity:
    """Add an entry for `record` (any mapped object with an id); the caller commits."""
    entry = Activity(
        detail=detail,
        actor_id=actor.id if actor is not None else None,
        verb=verb,
        record_type=type(record).__tablename__,
        record_id=record.id,
        act_id=getattr(record, "act_id", None),
        summary=summary,
    )
    db.session.add(entry)
    return entry
