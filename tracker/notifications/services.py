"""Telling people what concerns them: in-app notifications, an unread count, mail in each
recipient's language. Only active civil-society people are told (observers never are)."""

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, has_request_context
from flask_babel import force_locale, ngettext
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from tracker.core.extensions import db
from tracker.core.mail import deliver, queue_mail
from tracker.core.models import utcnow
from tracker.notifications.texts import link_of, text_of
from tracker.records import policy
from tracker.records.accounts import User
from tracker.records.actions import Action
from tracker.records.alerts import Alert
from tracker.records.notifications import Notification, NotificationKind
from tracker.records.reports import KeyMessage, Report

PER_PAGE = 30
SUBJECT_MAX = 200


@dataclass
class Notice:
    """One thing to tell some people: its kind and what it is about (Notification's
    relationships and columns: action, report, alert, act, key_message, detail...)."""

    user_ids: set[int]
    kind: NotificationKind
    about: dict[str, Any] = field(default_factory=dict)


def tell(notices: Iterable[Notice], actor: User | None) -> None:
    """Record each notice for each of its people (not the actor, only active civil society)
    and mail each person once, whatever the number of notices. The caller commits; the
    unread count lives on the user row, so the navigation bar costs no query."""
    notices = list(notices)
    wanted = {user_id for notice in notices for user_id in notice.user_ids}
    if actor is not None:
        wanted.discard(actor.id)
    if not wanted:
        return
    people = {
        user.id: user
        for user in db.session.scalars(
            select(User).where(
                User.id.in_(sorted(wanted)),
                User.active.is_(True),
                User.role.in_(sorted(policy.CIVIL_SOCIETY_ROLES)),
            )
        )
    }
    told: dict[int, list[Notification]] = {}
    for notice in notices:
        for user_id in sorted(notice.user_ids & people.keys()):
            notification = Notification(
                user_id=user_id, kind=notice.kind, actor=actor, **notice.about
            )
            db.session.add(notification)
            told.setdefault(user_id, []).append(notification)
    _count_unread({user_id: len(items) for user_id, items in told.items()})
    db.session.flush()
    with _links():
        messages = [_mail(people[user_id], items) for user_id, items in told.items()]
    db.session.flush()
    for message in messages:
        deliver(message)  # a failure leaves it in the outbox for `notify-due` to retry


def _count_unread(added: dict[int, int]) -> None:
    by_count: dict[int, list[int]] = {}
    for user_id, count in added.items():
        by_count.setdefault(count, []).append(user_id)
    for count, user_ids in by_count.items():
        db.session.execute(
            update(User)
            .where(User.id.in_(user_ids))
            .values(unread_notifications=User.unread_notifications + count),
            execution_options={"synchronize_session": False},
        )


def _links():
    """Outside a request (a command, a test's service call), links start with PUBLIC_URL."""
    if has_request_context():
        return contextlib.nullcontext()
    return current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"])


def _mail(user: User, notifications: list[Notification]):
    with force_locale(user.locale or "en"):
        lines = [(text_of(n), link_of(n, external=True)) for n in notifications]
        if len(lines) == 1:
            subject = lines[0][0]
        else:
            subject = ngettext("%(num)d new notification", "%(num)d new notifications", len(lines))
        body = "\n\n".join(f"{text}\n{link}" for text, link in lines)
    return queue_mail(user.email, subject[:SUBJECT_MAX], body + "\n")


# The receiver of `events.action_changed` (the others are in tracker.notifications.receivers).


def on_action_changed(action, kind: NotificationKind, actor: User, recipients, to_status=None):
    tell([Notice(set(recipients), kind, {"action": action, "to_status": to_status})], actor)


# Reading -----------------------------------------------------------------------------------


def for_user(user: User, page: int):
    """The user's notifications, newest first, with what their sentences name. Observers
    (who are never told of civil-society work) only read those about actions they see."""
    statement = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .options(
            joinedload(Notification.actor),
            joinedload(Notification.action),
            joinedload(Notification.report).joinedload(Report.act),
            joinedload(Notification.alert).joinedload(Alert.draft),
            joinedload(Notification.alert).joinedload(Alert.key_message).joinedload(KeyMessage.act),
            joinedload(Notification.act),
            joinedload(Notification.key_message).joinedload(KeyMessage.act),
        )
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    if not policy.sees_everything(user):
        statement = statement.join(Action, Action.id == Notification.action_id)
    return db.paginate(statement, page=page, per_page=PER_PAGE, error_out=False)


def notification_of(user: User, notification_id: int):
    return (
        select(Notification)
        .where(Notification.id == notification_id, Notification.user_id == user.id)
        .options(joinedload(Notification.alert), joinedload(Notification.act))
    )


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
