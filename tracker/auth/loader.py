"""Flask-Login's user loader: the cookie carries the rotating session token, not the id."""

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.records.accounts import User


def load_user(session_token: str) -> User | None:
    user = db.session.scalar(select(User).where(User.session_token == session_token))
    if user is None or not user.active:
        return None
    return user
