"""Versions of the negotiated text, their paragraphs, and how key messages are reflected."""

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model, db
from tracker.core.models import TimestampMixin, str_enum, utcnow
from tracker.records.accounts import User
from tracker.records.agenda import Milestone
from tracker.records.base import (
    ArchivableMixin,
    DerivedVisibilityMixin,
    LiveRowsMixin,
    Visibility,
    live_ids,
)
from tracker.records.reports import KeyMessage
from tracker.text.splitting import ref_slug


class ParagraphChange(enum.StrEnum):
    """How a paragraph relates to the previous draft."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MOVED = "moved"
    NEW = "new"


class Level(enum.StrEnum):
    ABSENT = "absent"
    WEAK = "weak"
    PARTIAL = "partial"
    STRONG = "strong"


class ReflectionState(enum.StrEnum):
    CURRENT = "current"  # recorded or confirmed on this draft
    TO_REVIEW = "to_review"  # carried onto a changed paragraph
    LOST = "lost"  # its paragraph was deleted in this draft


class Draft(ArchivableMixin, TimestampMixin, Model):
    """One version of the negotiated text (zero draft, Rev 1, final text...)."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    released_on: Mapped[date] = mapped_column(Date, index=True)
    milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("milestone.id", ondelete="SET NULL")
    )
    source_text: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("draft.id", ondelete="SET NULL"))

    milestone: Mapped[Milestone | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    previous: Mapped["Draft | None"] = relationship(remote_side=[id])
    paragraphs: Mapped[list["DraftParagraph"]] = relationship(
        back_populates="draft",
        order_by="DraftParagraph.position",
        cascade="all, delete-orphan",
        foreign_keys="DraftParagraph.draft_id",
    )


# A draft's page shows the paragraphs of this many positions: a paragraph's page follows from
# its position alone, so every link to a paragraph names its page.
PARAGRAPHS_PER_PAGE = 100


class DraftParagraph(LiveRowsMixin, Model):
    __tablename__ = "draft_paragraph"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    # The text's own numbering ("Objective 5", "21(c)") or a generated one ("¶ 12").
    ref: Mapped[str] = mapped_column(String(60))
    # 0 for body text; 1-6 for headings.
    heading_level: Mapped[int] = mapped_column(Integer, default=0)
    # The headings above it, e.g. "Objectives and commitments › Objective 5".
    section: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    change: Mapped[ParagraphChange] = mapped_column(
        str_enum(ParagraphChange, "paragraph_change"), default=ParagraphChange.NEW
    )
    # The aligned paragraph of the previous draft (unchanged, changed or moved).
    previous_paragraph_id: Mapped[int | None] = mapped_column(
        ForeignKey("draft_paragraph.id", ondelete="SET NULL"), index=True
    )

    draft: Mapped[Draft] = relationship(back_populates="paragraphs", foreign_keys=[draft_id])
    previous_paragraph: Mapped["DraftParagraph | None"] = relationship(remote_side=[id])

    @property
    def draft_page(self) -> int:
        """The page of its draft's page that shows this paragraph."""
        return self.position // PARAGRAPHS_PER_PAGE + 1

    @property
    def anchor(self) -> str:
        """Its id on the draft's page: "21(c)" -> "p-21-c"."""
        return f"p-{ref_slug(self.ref)}"

    __table_args__ = (UniqueConstraint("draft_id", "position"),)

    @classmethod
    def live_clause(cls):
        return cls.draft_id.in_(live_ids(Draft))


reflection_paragraph = Table(
    "reflection_paragraph",
    db.metadata,
    Column("reflection_id", ForeignKey("reflection.id", ondelete="CASCADE"), primary_key=True),
    Column("paragraph_id", ForeignKey("draft_paragraph.id", ondelete="CASCADE"), primary_key=True),
)


class Reflection(LiveRowsMixin, DerivedVisibilityMixin, TimestampMixin, Model):
    """How one key message appears in one draft."""

    __tablename__ = "reflection"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_message_id: Mapped[int] = mapped_column(
        ForeignKey("key_message.id", ondelete="CASCADE"), index=True
    )
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id", ondelete="CASCADE"), index=True)
    level: Mapped[Level] = mapped_column(str_enum(Level, "reflection_level"))
    state: Mapped[ReflectionState] = mapped_column(
        str_enum(ReflectionState, "reflection_state"), default=ReflectionState.CURRENT
    )
    excerpt: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("reflection.id", ondelete="SET NULL")
    )
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    key_message: Mapped[KeyMessage] = relationship()
    draft: Mapped[Draft] = relationship()
    paragraphs: Mapped[list[DraftParagraph]] = relationship(
        secondary=reflection_paragraph, order_by=DraftParagraph.position
    )
    carried_from: Mapped["Reflection | None"] = relationship(remote_side=[id])
    recorded_by: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("key_message_id", "draft_id"),)
    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @classmethod
    def live_clause(cls):
        return cls.key_message_id.in_(live_ids(KeyMessage)) & cls.draft_id.in_(live_ids(Draft))

    @classmethod
    def shared_clause(cls):
        shared = select(KeyMessage.id).where(KeyMessage.visibility == Visibility.SHARED)
        return cls.key_message_id.in_(shared)
