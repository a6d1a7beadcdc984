"""Telling people about their actions: in-app notifications, an unread count, mail."""

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import contains_eager, joinedload

from tracker.core.extensions import db
from tracker.core.labels import ACTION_STATUSES
from tracker.core.mail import deliver, queue_mail
from tracker.core.models import utcnow
from tracker.records.accounts import User
from tracker.records.notifications import Notification, NotificationKind

PER_PAGE = 30


def on_action_changed(action, kind: NotificationKind, actor: User, recipients, to_status=None):
    """The receiver of `events.action_changed`: notify the people concerned."""
    notify(recipients, kind, action, actor, to_status)


def notify(user_ids, kind: NotificationKind, action, actor: User, to_status=None) -> None:
    """Record a notification for each person (not the actor) and mail it through the outbox.

    The caller commits. The unread count lives on the user row, so the navigation bar
    shows it without a query of its own.
    """
    user_ids = sorted(set(user_ids) - {actor.id})
    if not user_ids:
        return
    for user_id in user_ids:
        db.session.add(
            Notification(
                user_id=user_id,
                kind=kind,
                action_id=action.id,
                actor_id=actor.id,
                to_status=to_status,
            )
        )
    db.session.execute(
        update(User)
        .where(User.id.in_(user_ids))
        .values(unread_notifications=User.unread_notifications + 1),
        execution_options={"synchronize_session": False},
    )
    link = url_for("actions.show", action_id=action.id, _external=True)
    messages = []
    for user in db.session.scalars(select(User).where(User.id.in_(user_ids))):
        with force_locale(user.locale or "en"):
            text = describe(kind, actor.name, action.title, to_status)
            messages.append(queue_mail(user.email, text[:200], f"{text}\n\n{link}\n"))
    db.session.flush()
    for message in messages:
        deliver(message)  # a failure leaves it in the outbox for `notify-due` to retry


def describe(kind, actor_name: str, title: str, to_status=None) -> str:
    values = {"actor": actor_name or _("Someone"), "title": title}
    if kind == NotificationKind.ASSIGNED:
        return _("%(actor)s assigned you the action “%(title)s”.", **values)
    if kind == NotificationKind.UNASSIGNED:
        return _("%(actor)s gave the action “%(title)s” to someone else.", **values)
    if kind == NotificationKind.STATUS:
        status = ACTION_STATUSES.get(str(to_status), "")
        return _("%(actor)s moved the action “%(title)s” to %(status)s.", status=status, **values)
    if kind == NotificationKind.COMMENTED:
        return _("%(actor)s commented on the action “%(title)s”.", **values)
    return _("%(actor)s changed the action “%(title)s”.", **values)


def text_of(notification: Notification) -> str:
    actor = notification.actor.name if notification.actor else ""
    return describe(notification.kind, actor, notification.action.title, notification.to_status)


def for_user(user: User, page: int):
    """The user's notifications, newest first; only about actions they may still see."""
    statement = (
        select(Notification)
        .join(Notification.action)
        .where(Notification.user_id == user.id)
        .options(contains_eager(Notification.action), joinedload(Notification.actor))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return db.paginate(statement, page=page, per_page=PER_PAGE, error_out=False)


def mark_read(user: User, notification_id: int | None = None) -> None:
    """Mark one notification (or all) read, and recount the user's unread ones."""
    statement = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        statement = statement.where(Notification.id == notification_id)
    db.session.execute(statement.values(read_at=utcnow()))
    unread = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .scalar_subquery()
    )
    db.session.execute(
        update(User).where(User.id == user.id).values(unread_notifications=unread),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
