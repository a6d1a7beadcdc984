"""Meetings, their agenda items, speakers, and the milestones of the process."""

import enum
from collections.abc import Mapping
from datetime import date, time
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Date,
    ForeignKey,
    Integer,
    Select,
    String,
    Table,
    Text,
    Time,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from tracker.core.extensions import Model, db
from tracker.core.i18n import territory_name
from tracker.core.models import TimestampMixin, TranslatedMixin, str_enum
from tracker.records.accounts import Organization
from tracker.records.acts import Act
from tracker.records.base import ArchivableMixin, LiveRowsMixin, ObserverRowsMixin, live_ids
from tracker.text.redaction import member_state_code


class SessionKind(enum.StrEnum):
    REGISTRATION = "registration"
    PLENARY = "plenary"
    PANEL = "panel"
    KEYNOTE = "keynote"
    GROUP_SESSION = "group_session"
    SMALL_TABLE = "small_table"
    BREAK = "break"
    RECEPTION = "reception"


class Audience(enum.StrEnum):
    CIVIL_SOCIETY = "civil_society"
    OPEN = "open"


class SpeakerRole(enum.StrEnum):
    MODERATOR = "moderator"
    SPEAKER = "speaker"
    RAPPORTEUR = "rapporteur"


class MilestoneKind(enum.StrEnum):
    MEETING = "meeting"
    DRAFT = "draft"
    NEGOTIATION = "negotiation"
    ADOPTION = "adoption"
    ENDORSEMENT = "endorsement"
    CONFERENCE = "conference"


session_act = Table(
    "session_act",
    db.metadata,
    Column("session_id", ForeignKey("meeting_session.id", ondelete="CASCADE"), primary_key=True),
    Column("act_id", ForeignKey("act.id", ondelete="CASCADE"), primary_key=True),
)


def open_meeting_ids() -> Select:
    """The meetings observers may read (on the tables, so no reader's filter nests in it)."""
    table = Meeting.__table__
    return select(table.c.id).where(table.c.audience == Audience.OPEN.value)


def open_session_ids() -> Select:
    """The agenda items of the meetings observers may read."""
    table = MeetingSession.__table__
    return select(table.c.id).where(table.c.meeting_id.in_(open_meeting_ids()))


class Meeting(ObserverRowsMixin, ArchivableMixin, TranslatedMixin, TimestampMixin, Model):
    """A meeting; one marked civil society only is never shown to observers, nor anything
    recorded in its sessions."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(120), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    # IANA name of the venue's time zone: session times are local to it.
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    audience: Mapped[Audience] = mapped_column(
        str_enum(Audience, "meeting_audience"), default=Audience.CIVIL_SOCIETY
    )
    # Interpretation languages of the meeting's plenary (en, fr, es...).
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @classmethod
    def shared_clause(cls) -> ColumnElement[bool]:
        return cls.audience == Audience.OPEN

    sessions: Mapped[list["MeetingSession"]] = relationship(
        back_populates="meeting",
        order_by="(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)",
        cascade="all, delete-orphan",
    )

    @property
    def country_name(self) -> str:
        """The host country in the reader's language (stored as an ISO code or a UN name)."""
        code = member_state_code(self.country) or self.country
        return territory_name(code) if len(code) == 2 else self.country


class MeetingSession(ObserverRowsMixin, ArchivableMixin, TranslatedMixin, TimestampMixin, Model):
    """One item of a meeting's agenda; users call it a session."""

    __tablename__ = "meeting_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    day: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    kind: Mapped[SessionKind] = mapped_column(str_enum(SessionKind, "session_kind"))
    title: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text, default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    audience: Mapped[Audience] = mapped_column(
        str_enum(Audience, "audience"), default=Audience.CIVIL_SOCIETY
    )
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @classmethod
    def shared_clause(cls) -> ColumnElement[bool]:
        return cls.meeting_id.in_(open_meeting_ids())

    meeting: Mapped[Meeting] = relationship(back_populates="sessions")
    acts: Mapped[list[Act]] = relationship(secondary=session_act, order_by=Act.number)
    speakers: Mapped[list["Speaker"]] = relationship(
        back_populates="session", order_by="Speaker.position", cascade="all, delete-orphan"
    )

    __table_args__ = (db.UniqueConstraint("meeting_id", "key"),)

    @property
    def is_open(self) -> bool:
        return self.audience == Audience.OPEN

    @classmethod
    def live_clause(cls):
        return cls.archived_at.is_(None) & cls.meeting_id.in_(live_ids(Meeting))


class Speaker(ObserverRowsMixin, LiveRowsMixin, Model):
    __tablename__ = "speaker"

    @classmethod
    def shared_clause(cls) -> ColumnElement[bool]:
        return cls.session_id.in_(open_session_ids())

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_session.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[SpeakerRole] = mapped_column(
        str_enum(SpeakerRole, "speaker_role"), default=SpeakerRole.SPEAKER
    )
    tbc: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[MeetingSession] = relationship(back_populates="speakers")
    organization: Mapped[Organization | None] = relationship(lazy="joined")

    @classmethod
    def live_clause(cls):
        return cls.session_id.in_(live_ids(MeetingSession))


class Milestone(TranslatedMixin, Model):
    __tablename__ = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MilestoneKind] = mapped_column(str_enum(MilestoneKind, "milestone_kind"))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on


def meetings_in_order() -> Select:
    return select(Meeting).order_by(Meeting.starts_on.desc())


def milestones_in_order() -> Select:
    return select(Milestone).order_by(Milestone.starts_on)


def sessions_for_act(act: Act) -> Select:
    """The agenda items that cover this ACT (group sessions, small tables...)."""
    return (
        select(MeetingSession)
        .where(MeetingSession.acts.contains(act))
        .order_by(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)
    )


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
