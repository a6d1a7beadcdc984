"""What a person is told about: their actions assigned, changed or commented by others."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import str_enum, utcnow
from tracker.records.accounts import User
from tracker.records.actions import Action, ActionStatus
from tracker.records.base import LiveRowsMixin, live_ids


class NotificationKind(enum.StrEnum):
    ASSIGNED = "assigned"
    UNASSIGNED = "unassigned"
    CHANGED = "changed"
    STATUS = "status"
    COMMENTED = "commented"


class Notification(LiveRowsMixin, Model):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, "notification_kind"))
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    to_status: Mapped[ActionStatus | None] = mapped_column(
        str_enum(ActionStatus, "notification_to_status")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    action: Mapped[Action] = relationship()
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])

    __table_args__ = (Index("ix_notification_user_created", "user_id", "created_at"),)

    @classmethod
    def live_clause(cls):
        return cls.action_id.in_(live_ids(Action))
