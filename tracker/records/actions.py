"""Next-step actions: assigned by coordinators, carried through by their owners."""

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Select,
    String,
    Text,
    case,
    select,
)
from sqlalchemy.orm import Mapped, defer, joinedload, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import TimestampMixin, str_enum, utcnow
from tracker.records.accounts import Organization, User
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
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
from tracker.records.tables import TableOutcome


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    DROPPED = "dropped"


class ActionPriority(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionUpdateKind(enum.StrEnum):
    CREATED = "created"
    ASSIGNED = "assigned"
    EDITED = "edited"
    STATUS = "status"
    COMMENT = "comment"


# Where an action may go next. Dropping (from any live status) and bringing a dropped
# action back are coordinators' moves; the rest is the owner's.
TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.OPEN: frozenset(
        {ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED, ActionStatus.DONE}
    ),
    ActionStatus.IN_PROGRESS: frozenset(
        {ActionStatus.OPEN, ActionStatus.BLOCKED, ActionStatus.DONE}
    ),
    ActionStatus.BLOCKED: frozenset({ActionStatus.IN_PROGRESS, ActionStatus.DONE}),
    ActionStatus.DONE: frozenset({ActionStatus.IN_PROGRESS}),
    ActionStatus.DROPPED: frozenset(),
}
STAFF_TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    status: frozenset({ActionStatus.DROPPED}) for status in ActionStatus if status != "dropped"
} | {ActionStatus.DROPPED: frozenset({ActionStatus.OPEN})}
CLOSED = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})
LIVE = tuple(status for status in ActionStatus if status not in CLOSED)
PRIORITY_RANK = {ActionPriority.HIGH: 0, ActionPriority.MEDIUM: 1, ActionPriority.LOW: 2}


class Action(ArchivableMixin, PublishableMixin, TimestampMixin, Model):
    """A next step under an ACT, usually from a key message or a small-table outcome."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("act.id"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    milestone_id: Mapped[int | None] = mapped_column(ForeignKey("milestone.id"), index=True)
    priority: Mapped[ActionPriority] = mapped_column(
        str_enum(ActionPriority, "action_priority"), default=ActionPriority.MEDIUM
    )
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    key_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_message.id", ondelete="SET NULL"), index=True
    )
    outcome_id: Mapped[int | None] = mapped_column(
        ForeignKey("table_outcome.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    act: Mapped[Act] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    organization: Mapped[Organization | None] = relationship()
    milestone: Mapped[Milestone | None] = relationship()
    key_message: Mapped[KeyMessage | None] = relationship()
    outcome: Mapped[TableOutcome | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}
    __table_args__ = (
        # The lists filter by ACT, owner or status and sort by due date or last change.
        Index("ix_action_act_status_due", "act_id", "status", "due_on"),
        Index("ix_action_owner_status_due", "owner_id", "status", "due_on"),
        Index("ix_action_status_due", "status", "due_on"),
        Index("ix_action_changed_at", "changed_at"),
        published_when_shared(),
    )

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    def is_overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today and not self.is_closed


class ActionUpdate(LiveRowsMixin, DerivedVisibilityMixin, Model):
    """One line of an action's log: created, (re)assigned, edited, a status change, a comment."""

    __tablename__ = "action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"))
    kind: Mapped[ActionUpdateKind] = mapped_column(str_enum(ActionUpdateKind, "action_update_kind"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    from_status: Mapped[ActionStatus | None] = mapped_column(
        str_enum(ActionStatus, "action_update_from_status")
    )
    to_status: Mapped[ActionStatus | None] = mapped_column(
        str_enum(ActionStatus, "action_update_to_status")
    )
    # What changed, one "field: old → new" per line (edits and reassignments).
    changes: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    action: Mapped[Action] = relationship()
    actor: Mapped[User | None] = relationship()

    __table_args__ = (
        Index("ix_action_update_action_created", "action_id", "created_at"),
        # Recent activity: the newest lines of every log.
        Index("ix_action_update_created_at", "created_at"),
    )

    @classmethod
    def live_clause(cls):
        return cls.action_id.in_(live_ids(Action))

    @classmethod
    def shared_clause(cls):
        # Observers follow a shared action's progress; the comments stay among civil society.
        return (cls.kind != ActionUpdateKind.COMMENT) & cls.action_id.in_(
            select(Action.id).where(Action.visibility == Visibility.SHARED)
        )


# High first, in SQL (the lists sort on it).
PRIORITY_ORDER = case(PRIORITY_RANK, value=Action.priority)


def linked_to_outcome(outcome_id: int) -> Select:
    """The actions that follow up a small-table outcome, with their ACT, owner and
    organisation (what the outcome page lists of them)."""
    return (
        select(Action)
        .where(Action.outcome_id == outcome_id)
        .options(
            defer(Action.description),
            joinedload(Action.act),
            joinedload(Action.owner).load_only(User.id, User.name).lazyload(User.organization),
            joinedload(Action.organization).load_only(Organization.id, Organization.name),
        )
        .order_by(Action.id)
    )
