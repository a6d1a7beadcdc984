"""Group-session notes, written together, with every save kept as a revision."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import TimestampMixin, utcnow
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, open_session_ids
from tracker.records.base import (
    ArchivableMixin,
    DerivedVisibilityMixin,
    LiveRowsMixin,
    PublishableMixin,
    Visibility,
    live_ids,
    published_when_shared,
)


class Note(ArchivableMixin, PublishableMixin, TimestampMixin, Model):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_session.id", ondelete="CASCADE"), index=True
    )
    act_id: Mapped[int | None] = mapped_column(ForeignKey("act.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    revision_count: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    session: Mapped[MeetingSession] = relationship()
    act: Mapped[Act | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])

    __table_args__ = (published_when_shared(),)
    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @classmethod
    def shared_clause(cls):
        """Shared, and recorded in a meeting observers may read."""
        return (cls.visibility == Visibility.SHARED) & cls.session_id.in_(open_session_ids())


class NoteRevision(LiveRowsMixin, DerivedVisibilityMixin, Model):
    __tablename__ = "note_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Set when this revision brought back an older one.
    restored_from: Mapped[int | None] = mapped_column(Integer)

    note: Mapped[Note] = relationship()
    author: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("note_id", "number"),)

    @classmethod
    def live_clause(cls):
        return cls.note_id.in_(live_ids(Note))
