"""What a person is told about: their actions, the reports they write or review, and what
they follow (asks weakened or strengthened by a draft, new actions, positions)."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import str_enum, utcnow
from tracker.records.accounts import User
from tracker.records.actions import Action, ActionStatus
from tracker.records.acts import Act
from tracker.records.alerts import Alert
from tracker.records.base import LiveRowsMixin, live_ids
from tracker.records.drafts import Draft
from tracker.records.reports import KeyMessage, Report


class NotificationKind(enum.StrEnum):
    # About an action
    ASSIGNED = "assigned"
    UNASSIGNED = "unassigned"
    CHANGED = "changed"
    STATUS = "status"
    COMMENTED = "commented"
    ACTION_CREATED = "action_created"  # a new action under what one follows
    # About a report
    REPORT_SUBMITTED = "report_submitted"
    REPORT_RETURNED = "report_returned"
    REPORT_ACCEPTED = "report_accepted"
    REPORT_RECALLED = "report_recalled"
    REPORT_REOPENED = "report_reopened"
    # About a draft
    ASK_WEAKENED = "ask_weakened"
    ASK_STRENGTHENED = "ask_strengthened"
    ASK_CHANGED = "ask_changed"
    # About a government's position
    POSITION = "position"


class Notification(LiveRowsMixin, Model):
    """One thing told to one person. Exactly one of action, report, alert or (for a
    position) act / key message is what it is about; `detail` holds what the sender gave
    beside it (a reviewer's comment, a position's summary)."""

    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, "notification_kind"))
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), index=True
    )
    alert_id: Mapped[int | None] = mapped_column(
        ForeignKey("alert.id", ondelete="CASCADE"), index=True
    )
    draft_id: Mapped[int | None] = mapped_column(
        ForeignKey("draft.id", ondelete="CASCADE"), index=True
    )
    act_id: Mapped[int | None] = mapped_column(ForeignKey("act.id", ondelete="CASCADE"))
    key_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_message.id", ondelete="CASCADE"), index=True
    )
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    to_status: Mapped[ActionStatus | None] = mapped_column(
        str_enum(ActionStatus, "notification_to_status")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    action: Mapped[Action | None] = relationship()
    report: Mapped[Report | None] = relationship()
    alert: Mapped[Alert | None] = relationship()
    draft: Mapped[Draft | None] = relationship()
    act: Mapped[Act | None] = relationship()
    key_message: Mapped[KeyMessage | None] = relationship()
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])

    __table_args__ = (Index("ix_notification_user_created", "user_id", "created_at"),)

    @classmethod
    def live_clause(cls):
        # Live while what it is about is: an archived action's or report's notice goes with it.
        return (cls.action_id.is_(None) | cls.action_id.in_(live_ids(Action))) & (
            cls.report_id.is_(None) | cls.report_id.in_(live_ids(Report))
        )
