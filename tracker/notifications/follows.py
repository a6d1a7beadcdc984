"""Following an ACT or a key message: whoever follows one is told of what changes it."""

from sqlalchemy import delete, func, select

from tracker.core.extensions import db
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.alerts import Follow


def _where(user: User, act_id: int | None, key_message_id: int | None):
    return (
        Follow.user_id == user.id,
        Follow.act_id.is_(None) if act_id is None else Follow.act_id == act_id,
        Follow.key_message_id.is_(None)
        if key_message_id is None
        else Follow.key_message_id == key_message_id,
    )


def is_following(user: User, act_id: int | None = None, key_message_id: int | None = None):
    """Whether `user` follows the ACT (or the key message), in one query."""
    return bool(
        db.session.scalar(
            select(func.count(Follow.id)).where(*_where(user, act_id, key_message_id))
        )
    )


def follows_act_number(user: User, number: int) -> bool:
    """Whether `user` follows the ACT of this number, in one query."""
    statement = (
        select(func.count(Follow.id))
        .join(Act, Act.id == Follow.act_id)
        .where(Follow.user_id == user.id, Act.number == number, Follow.key_message_id.is_(None))
    )
    return bool(db.session.scalar(statement))


def follow(user: User, act_id: int | None = None, key_message_id: int | None = None) -> None:
    """Follow the ACT or the key message (nothing changes when already followed); commit."""
    if not is_following(user, act_id, key_message_id):
        db.session.add(Follow(user_id=user.id, act_id=act_id, key_message_id=key_message_id))
    db.session.commit()


def unfollow(user: User, act_id: int | None = None, key_message_id: int | None = None) -> None:
    db.session.execute(delete(Follow).where(*_where(user, act_id, key_message_id)))
    db.session.commit()
