"""Governments' positions through the negotiation rounds: what a government (or a group of
governments) said in a round about a draft paragraph and/or a key message."""

import enum
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import TimestampMixin, str_enum
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.base import PublishableMixin, published_when_shared
from tracker.records.drafts import DraftParagraph
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government


class Stand(enum.StrEnum):
    """What the government did with the text, from the most to the least favourable."""

    SUPPORTS = "supports"
    AMENDS = "amends"  # proposes an amendment (its text in `amendment`)
    RESERVES = "reserves"
    OPPOSES = "opposes"
    SILENT = "silent"


class PositionSource(enum.StrEnum):
    PLENARY = "plenary"  # a statement in the plenary of the round
    INFORMAL = "informal"  # informal consultations
    BILATERAL = "bilateral"  # a meeting with the delegation


class RoundPosition(PublishableMixin, TimestampMixin, Model):
    """One government's position in one negotiation round (a milestone) on a paragraph of
    the draft under negotiation and/or a key message of an ACT. Civil society only until a
    coordinator publishes it."""

    __tablename__ = "round_position"

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(ForeignKey("milestone.id"), index=True)
    government_id: Mapped[int] = mapped_column(ForeignKey("government.id"), index=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("act.id"), index=True)
    key_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_message.id", ondelete="SET NULL"), index=True
    )
    # The paragraph as typed ("21(c)"), and the paragraph of the draft under negotiation it
    # was found in when recorded.
    paragraph_ref: Mapped[str] = mapped_column(String(60), default="")
    paragraph_id: Mapped[int | None] = mapped_column(
        ForeignKey("draft_paragraph.id", ondelete="SET NULL"), index=True
    )
    stand: Mapped[Stand] = mapped_column(str_enum(Stand, "position_stand"))
    amendment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[PositionSource] = mapped_column(str_enum(PositionSource, "position_source"))
    stated_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    milestone: Mapped[Milestone] = relationship()
    government: Mapped[Government] = relationship()
    act: Mapped[Act] = relationship()
    key_message: Mapped[KeyMessage | None] = relationship()
    paragraph: Mapped[DraftParagraph | None] = relationship()
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])

    __table_args__ = (published_when_shared(),)
    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
