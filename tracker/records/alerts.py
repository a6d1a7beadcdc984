"""What changed for the asks when a draft landed (alerts), and who follows what (follows)."""

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import str_enum, utcnow
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.base import DerivedVisibilityMixin
from tracker.records.drafts import Draft, Reflection
from tracker.records.reports import KeyMessage


class AlertKind(enum.StrEnum):
    WEAKENED = "weakened"
    STRENGTHENED = "strengthened"
    CHANGED = "changed"  # the paragraph changed, neither weaker nor stronger


class Alert(DerivedVisibilityMixin, Model):
    """How a new draft changed the paragraph carrying a key message, compared with the
    previous draft's: weakened, strengthened or just changed, and why. Civil society only:
    observers never read alerts."""

    __tablename__ = "alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"), index=True)
    key_message_id: Mapped[int] = mapped_column(
        ForeignKey("key_message.id", ondelete="CASCADE"), index=True
    )
    reflection_id: Mapped[int | None] = mapped_column(
        ForeignKey("reflection.id", ondelete="SET NULL")
    )
    kind: Mapped[AlertKind] = mapped_column(str_enum(AlertKind, "alert_kind"))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The paragraphs' numbering and text, before and after ("" for a deleted paragraph).
    old_ref: Mapped[str] = mapped_column(String(200), default="")
    new_ref: Mapped[str] = mapped_column(String(200), default="")
    old_text: Mapped[str] = mapped_column(Text, default="")
    new_text: Mapped[str] = mapped_column(Text, default="")
    # What moved the verdict, each a "; "-separated list: commitment wording lost (firm
    # phrases dropped, soft ones added) or gained, and the ask's own key words lost or gained.
    wording_lost: Mapped[str] = mapped_column(Text, default="")
    wording_gained: Mapped[str] = mapped_column(Text, default="")
    words_lost: Mapped[str] = mapped_column(Text, default="")
    words_gained: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    draft: Mapped[Draft] = relationship()
    key_message: Mapped[KeyMessage] = relationship()
    reflection: Mapped[Reflection | None] = relationship()

    __table_args__ = (UniqueConstraint("draft_id", "key_message_id"),)


class Follow(DerivedVisibilityMixin, Model):
    """A person follows an ACT or a key message (exactly one) and is told of what changes it."""

    __tablename__ = "follow"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    act_id: Mapped[int | None] = mapped_column(ForeignKey("act.id", ondelete="CASCADE"))
    key_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_message.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship()
    act: Mapped[Act | None] = relationship()
    key_message: Mapped[KeyMessage | None] = relationship()

    __table_args__ = (
        CheckConstraint("(act_id IS NULL) <> (key_message_id IS NULL)", name="one_thing"),
        Index("ix_follow_act_user", "act_id", "user_id"),
        Index("ix_follow_user_message", "user_id", "key_message_id"),
    )
