"""Rapporteurs' reports, their review workflow, and the key messages they carry."""

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import TimestampMixin, str_enum, utcnow
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


class ReportStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


class ReportEventKind(enum.StrEnum):
    ASSIGNED = "assigned"
    SAVED = "saved"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    REOPENED = "reopened"
    RECALLED = "recalled"  # the rapporteur took back a submission, to revise it
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class Report(ArchivableMixin, PublishableMixin, TimestampMixin, Model):
    """A rapporteur's report of one ACT's group session."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("act.id"), index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_session.id", ondelete="CASCADE"), index=True
    )
    rapporteur_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    status: Mapped[ReportStatus] = mapped_column(
        str_enum(ReportStatus, "report_status"), default=ReportStatus.DRAFT, index=True
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    act: Mapped[Act] = relationship()
    session: Mapped[MeetingSession] = relationship()
    rapporteur: Mapped[User | None] = relationship(foreign_keys=[rapporteur_id])
    priorities: Mapped[list["ReportPriority"]] = relationship(
        back_populates="report", order_by="ReportPriority.rank", cascade="all, delete-orphan"
    )
    key_messages: Mapped[list["KeyMessage"]] = relationship(
        back_populates="report", order_by="KeyMessage.rank", foreign_keys="KeyMessage.report_id"
    )
    internal: Mapped["ReportInternal | None"] = relationship(
        back_populates="report", cascade="all, delete-orphan", uselist=False
    )
    events: Mapped[list["ReportEvent"]] = relationship(
        back_populates="report", order_by="ReportEvent.id", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("session_id", "act_id"), published_when_shared())

    @classmethod
    def shared_clause(cls):
        """Shared, and recorded in a meeting observers may read."""
        return (cls.visibility == Visibility.SHARED) & cls.session_id.in_(open_session_ids())

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @property
    def is_editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)

    @property
    def ready_to_publish(self) -> bool:
        return self.status == ReportStatus.ACCEPTED


class _ReportPart(LiveRowsMixin, DerivedVisibilityMixin):
    """A part of a report, hidden while the report is archived."""

    report_id: Mapped[int]

    @classmethod
    def live_clause(cls):
        return cls.report_id.in_(live_ids(Report))


class ReportInternal(_ReportPart, Model):
    """The internal part of a report: civil-society-only even when the report is published."""

    __tablename__ = "report_internal"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    divergence: Mapped[str] = mapped_column(Text, default="")
    strategy_notes: Mapped[str] = mapped_column(Text, default="")

    report: Mapped[Report] = relationship(back_populates="internal")


class ReportPriority(_ReportPart, Model):
    __tablename__ = "report_priority"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    report: Mapped[Report] = relationship(back_populates="priorities")


class ReportEvent(_ReportPart, Model):
    """One step of a report's workflow: who, when, and the reviewer's comment."""

    __tablename__ = "report_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ReportEventKind] = mapped_column(str_enum(ReportEventKind, "report_event_kind"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # For "assigned": the rapporteur the report was given to.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    report: Mapped[Report] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])


class KeyMessage(ArchivableMixin, PublishableMixin, TimestampMixin, Model):
    """An "ask": the atomic unit traced from the meeting room into the negotiated text."""

    __tablename__ = "key_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("act.id"), index=True)
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="SET NULL"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_message.id", ondelete="SET NULL"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    act: Mapped[Act] = relationship()
    report: Mapped[Report | None] = relationship(
        back_populates="key_messages", foreign_keys=[report_id]
    )
    merged_into: Mapped["KeyMessage | None"] = relationship(remote_side=[id])

    __table_args__ = (published_when_shared(),)
    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @classmethod
    def shared_clause(cls):
        """Shared, and not from a report of a meeting observers may not read."""
        reports = Report.__table__
        in_closed_meetings = select(reports.c.id).where(
            reports.c.session_id.not_in(open_session_ids())
        )
        return (cls.visibility == Visibility.SHARED) & (
            cls.report_id.is_(None) | cls.report_id.not_in(in_closed_meetings)
        )

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None
