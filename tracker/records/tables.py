"""Small tables with governments: who came, what was said, each government's stance."""

import enum
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model, db
from tracker.core.i18n import current_language, territory_name
from tracker.core.models import TimestampMixin, TranslatedMixin, str_enum
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
from tracker.records.reports import KeyMessage
from tracker.text.words import fold


class GovernmentKind(enum.StrEnum):
    MEMBER_STATE = "member_state"
    UN_AGENCY = "un_agency"
    GROUP = "group"  # a group of states negotiating together: the EU, the African Group...


class Position(enum.StrEnum):
    SUPPORTIVE = "supportive"
    OPEN = "open"
    RESERVED = "reserved"
    OPPOSED = "opposed"


class Government(TranslatedMixin, Model):
    """A UN member state or a UN agency that can sit at a small table, or a group of states
    that takes positions in the negotiations.

    A member state has its ISO 3166 code: in French and Spanish its name is CLDR's, in
    English the one the UN lists; an agency's or a group's name is kept in English with its
    translations beside it.
    """

    __tablename__ = "government"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    iso_code: Mapped[str | None] = mapped_column(String(2), unique=True)
    kind: Mapped[GovernmentKind] = mapped_column(
        str_enum(GovernmentKind, "government_kind"), default=GovernmentKind.MEMBER_STATE
    )

    @property
    def display_name(self) -> str:
        """The government's name as the reader reads it, in their language."""
        language = current_language()
        if self.iso_code and language != "en":
            return territory_name(self.iso_code, language)
        return self.translated("name")


def in_reading_order(governments) -> list[Government]:
    """Governments sorted by their name in the reader's language (accents ignored)."""
    return sorted(governments, key=lambda government: fold(government.display_name))


table_outcome_government = Table(
    "table_outcome_government",
    db.metadata,
    Column("outcome_id", ForeignKey("table_outcome.id", ondelete="CASCADE"), primary_key=True),
    Column("government_id", ForeignKey("government.id", ondelete="CASCADE"), primary_key=True),
)


class TableOutcome(ArchivableMixin, PublishableMixin, TimestampMixin, Model):
    __tablename__ = "table_outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("act.id"), index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_session.id", ondelete="CASCADE"), index=True
    )
    civil_society_participants: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    commitments: Mapped[str] = mapped_column(Text, default="")
    follow_ups: Mapped[str] = mapped_column(Text, default="")
    chatham_house: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    act: Mapped[Act] = relationship()
    session: Mapped[MeetingSession] = relationship()
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    governments: Mapped[list[Government]] = relationship(
        secondary=table_outcome_government, order_by=Government.name
    )
    stances: Mapped[list["Stance"]] = relationship(
        back_populates="outcome", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("session_id", "act_id"), published_when_shared())

    @classmethod
    def shared_clause(cls):
        """Shared, and recorded in a meeting observers may read."""
        return (cls.visibility == Visibility.SHARED) & cls.session_id.in_(open_session_ids())

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}


class Stance(LiveRowsMixin, DerivedVisibilityMixin, Model):
    """One government's stance on one key message at one small table."""

    __tablename__ = "stance"

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("table_outcome.id", ondelete="CASCADE"), index=True
    )
    government_id: Mapped[int] = mapped_column(ForeignKey("government.id", ondelete="CASCADE"))
    key_message_id: Mapped[int] = mapped_column(
        ForeignKey("key_message.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[Position] = mapped_column(str_enum(Position, "position"))
    note: Mapped[str] = mapped_column(Text, default="")

    outcome: Mapped[TableOutcome] = relationship(back_populates="stances")
    government: Mapped[Government] = relationship()
    key_message: Mapped[KeyMessage] = relationship()

    # Observers read the stances of the published outcome, never these working rows.
    __table_args__ = (UniqueConstraint("outcome_id", "government_id", "key_message_id"),)

    @classmethod
    def live_clause(cls):
        return cls.outcome_id.in_(live_ids(TableOutcome)) & cls.key_message_id.in_(
            live_ids(KeyMessage)
        )
