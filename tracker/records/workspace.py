"""The workspace version: one number that changes with every write any page could show.

Cached pages are keyed by it (tracker.thread.cache), so a write shows on the next request in
every worker and on every machine. Nobody has to remember to bump it: a session event does,
in the same transaction as the write (the one row of `workspace_version`), or, when
REDIS_URL is set, with an INCR in Redis right after the commit (no row lock then, so writers
never queue behind each other on PostgreSQL).

Writes that no shared page shows (sign-in failures, password resets, the outbox, a person's
notifications, a user's session token or unread count) leave the version alone; anything
else changes it, including a record type added later: the list below names what is spared,
never what counts.
"""

import time
from functools import cache
from itertools import chain
from typing import cast

from flask import g, has_app_context
from sqlalchemy import (
    BigInteger,
    Integer,
    Table,
    case,
    event,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from tracker.core.extensions import Model
from tracker.core.redis_client import redis_client

REDIS_KEY = "tracker:workspace-version"
# Session.info: this transaction wrote something a page shows (counted in Redis on commit).
_WROTE = "tracker.workspace_wrote"

# Records no cached page renders: writing them changes no shared page.
UNSHOWN_RECORDS = frozenset(
    {
        "Invitation",
        "Notification",
        "OutboxMessage",
        "PasswordReset",
        "PasswordResetRequest",
        "SignInFailure",
    }
)
# Fields of records pages do show that no shared page renders (the person's own shell).
UNSHOWN_FIELDS = {
    "User": frozenset(
        {
            "password_hash",
            "locale",
            "session_token",
            "last_sign_in_at",
            "unread_notifications",
            "calendar_token_hash",
            "updated_at",
        }
    ),
}


class WorkspaceVersion(Model):
    """One row: the version of everything the workspace shows."""

    __tablename__ = "workspace_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


def _table() -> Table:
    return cast(Table, WorkspaceVersion.__table__)


def version_column():
    """The version as a column to read along with another query (the signed-in user's)."""
    table = _table()
    return select(table.c.version).where(table.c.id == 1).scalar_subquery().label("version")


def remember_version(value: int | None) -> None:
    """Keep the version read with the user for the rest of this request."""
    g.tracker_workspace_version = value


def current_version(session: Session) -> int | None:
    """The version this request reads: from Redis when configured, else the one read with
    the user, else read now (on the connection, past the visibility filter). None when the
    workspace has none yet (nothing may be cached then)."""
    client = _redis()
    if client is not None:
        value = client.get(REDIS_KEY)
        return int(value) if value is not None else None
    if "tracker_workspace_version" in g:
        return g.tracker_workspace_version
    table = _table()
    return session.connection().execute(select(table.c.version).where(table.c.id == 1)).scalar()


def install_version_bump(scoped_session) -> None:
    """Listen once, however many apps a process creates (they share the session)."""
    listeners = (
        ("before_flush", _count_flushed_writes),
        ("do_orm_execute", _count_statement_writes),
        ("after_commit", _after_commit),
        ("after_rollback", _forget),
    )
    for name, listener in listeners:
        if not event.contains(scoped_session, name, listener):
            event.listen(scoped_session, name, listener)


def _count_flushed_writes(session: Session, _context, _instances) -> None:
    changed = chain(
        session.new, session.deleted, (o for o in session.dirty if session.is_modified(o))
    )
    if any(_shows(record, record in session.dirty) for record in changed):
        _bump(session)


def _shows(record, dirty: bool) -> bool:
    name = type(record).__name__
    if name in UNSHOWN_RECORDS:
        return False
    spared = UNSHOWN_FIELDS.get(name)
    if spared is None or not dirty:
        return True
    state = inspect(record)
    changed = {attribute.key for attribute in state.attrs if attribute.history.has_changes()}
    return not changed <= spared


def _count_statement_writes(state: ORMExecuteState) -> None:
    """Bulk INSERT, UPDATE and DELETE statements bypass the flush: count them here."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) not in _unshown_tables():
        _bump(state.session)


@cache
def _unshown_tables() -> frozenset[str]:
    return frozenset(
        cast(Table, mapper.local_table).name
        for mapper in Model.registry.mappers
        if mapper.class_.__name__ in UNSHOWN_RECORDS
    )


def _bump(session: Session) -> None:
    """Count the write in this transaction (every flush that has one: a savepoint rolled
    back cannot take the only count with it)."""
    session.info[_WROTE] = True
    if has_app_context():
        g.pop("tracker_workspace_version", None)
    if _redis() is not None:
        return  # counted in Redis once the transaction commits
    table = _table()
    connection = session.connection()
    # The next number, and never one used before, even by a workspace restored from a
    # backup (or emptied) while caches still hold pages of its later versions: at least
    # the clock's microseconds.
    now = time.time_ns() // 1000
    following = case((table.c.version + 1 > now, table.c.version + 1), else_=now)
    changed = connection.execute(update(table).where(table.c.id == 1).values(version=following))
    if not changed.rowcount:
        connection.execute(insert(table).values(id=1, version=now))


def _after_commit(session: Session) -> None:
    if session.info.pop(_WROTE, False):
        client = _redis()
        if client is not None:
            client.incr(REDIS_KEY)


def _forget(session: Session) -> None:
    session.info.pop(_WROTE, None)


def _redis():
    return redis_client() if has_app_context() else None
