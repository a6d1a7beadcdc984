"""Flask-Login's user loader: the cookie carries the rotating session token, not the id."""

from functools import cache

from sqlalchemy import Select, bindparam, select

from tracker.core.extensions import db
from tracker.records.accounts import User
from tracker.records.reader import LOADING_READER
from tracker.records.workspace import remember_version, version_column


def load_user(session_token: str) -> User | None:
    """The user, and in the same query the workspace's version (the render cache's key)."""
    row = db.session.execute(_user_and_version(), {"token": session_token}).first()
    if row is None or not row[0].active:
        return None
    remember_version(row[1])
    return row[0]


@cache
def _user_and_version() -> Select:
    """Built once: every signed-in request runs it, and building a statement costs more than
    running this one."""
    return (
        select(User, version_column())
        .where(User.session_token == bindparam("token"))
        .execution_options(**{LOADING_READER: True})
    )
