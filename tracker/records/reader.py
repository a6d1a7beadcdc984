"""Apply the policy to every ORM query made for the signed-in reader.

Civil-society roles read every record as it is. For anyone else (observers, and requests
not signed in) two things happen to each SELECT, whether a page's query, a count, a search,
a lazy or eager load:

1. rows: SQLAlchemy's "global WHERE criteria" recipe adds the policy's `with_loader_criteria`
   options, so lists, counts and searches see the same rows;
2. fields: every object the query loaded goes through `publishing.observer_view` before
   the query returns, so no code can read a working copy, an undeclared field or a
   government's name under the Chatham House rule. Such objects are read-only: a flush that
   would write one back is refused.

CLI commands run outside a request and see everything.

Archived records are hidden from everyone, in a request or not: every SELECT gets the
`live_clause()` of each archivable record (and of what hangs on one), so lists, counts,
searches, the matrix and the loads of a record's relations leave them out. A query opts in
with the execution option `INCLUDE_ARCHIVED` (the archive page, restoring, purging); a
record's page declared `shows_archived` reads them too for coordinators, so it can show an
archived record whole, with its banner.
"""

import functools
from collections.abc import Callable
from typing import Any
from weakref import WeakSet

from flask import abort, g, has_request_context
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, object_session, with_loader_criteria

from tracker.core.extensions import Model
from tracker.records import policy, publishing
from tracker.records.base import LiveRowsMixin

# Execution option: this query reads archived rows as well.
INCLUDE_ARCHIVED = "include_archived"

# Keys of Session.info (a session lives for one request).
_DEPTH = "tracker.observer_query_depth"
_LOADED = "tracker.observer_loaded"
_VIEWED = "tracker.observer_viewed"
# An execution option for the one query that loads the signed-in user (an account record,
# read whole by everyone, with the reference data joined to it): nothing to restrict yet.
LOADING_READER = "tracker_loading_reader"


class ObserverViewChangedError(RuntimeError):
    """Code tried to save an object loaded for an observer (it holds a redacted view)."""


class HiddenColumnReadError(RuntimeError):
    """A query for an observer selected a column they may not read as it is: select the
    record, or `publishing.as_read(column, reader)`."""


def current_reader():
    """The signed-in user of this request, if Flask-Login has loaded one."""
    return g.get("_login_user")


def read_as(user) -> None:
    """Read the rest of this request as `user`, who is not signed in here: a calendar feed
    opened with its secret address sees exactly what its owner may see."""
    g._login_user = user


def install_visibility_filter(scoped_session) -> None:
    """Listen once, however many apps a process creates (they share the session)."""
    listeners: tuple[tuple[Any, str, Callable[..., Any], dict[str, Any]], ...] = (
        (scoped_session, "do_orm_execute", _hide_archived, {}),
        (scoped_session, "do_orm_execute", _restrict_to_reader, {}),
        (scoped_session, "before_flush", _refuse_changed_views, {}),
        (Model, "load", _loaded, {"propagate": True}),
        (Model, "refresh", _refreshed, {"propagate": True}),
    )
    for target, name, listener, options in listeners:
        if not event.contains(target, name, listener):
            event.listen(target, name, listener, **options)


def _options_for_reader() -> list | None:
    """The policy's options for this request's reader (kept in `g` while the reader stays
    the same); None while they are being worked out, when the reader's own account row may
    be loading."""
    reader = current_reader()
    cached = g.get("_reader_options")
    if cached is not None and cached[0] is reader:
        return cached[1]
    if g.get("_finding_reader_options"):
        return None
    g._finding_reader_options = True
    try:
        options = policy.visibility_options(reader)
    finally:
        g._finding_reader_options = False
    g._reader_options = (reader, options)
    return options


_LIVE_ROWS = with_loader_criteria(
    LiveRowsMixin, lambda cls: cls.live_clause(), include_aliases=True
)


def _hide_archived(state: ORMExecuteState) -> None:
    if not state.is_select or state.execution_options.get(INCLUDE_ARCHIVED):
        return
    if has_request_context() and g.get("_include_archived"):
        return
    if not (state.is_column_load or state.is_relationship_load):
        # The option on the top-level statement propagates to its lazy and eager loads.
        state.statement = state.statement.options(_LIVE_ROWS)


def shows_archived(view: Callable[..., Any]) -> Callable[..., Any]:
    """A record's page: coordinators read it, and everything linked to it, even archived
    (the page says so in a banner); everyone else finds archived records hidden."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if policy.may(current_user, "archive"):
            g._include_archived = True
        return view(*args, **kwargs)

    return wrapper


def _restrict_to_reader(state: ORMExecuteState):
    if not has_request_context() or not state.is_select:
        return None
    if state.execution_options.get(LOADING_READER):
        return None  # the reader's own account row: who is reading is not known yet
    options = _options_for_reader()
    if not options:
        return None  # civil society reads every record as it is
    if not (state.is_column_load or state.is_relationship_load):
        hidden = publishing.hidden_columns(state.statement)
        if hidden:
            raise HiddenColumnReadError(", ".join(hidden))
        # The options on the top-level statement propagate to its lazy and eager loads.
        state.statement = state.statement.options(*options)
    info = state.session.info
    depth = info.get(_DEPTH, 0)
    info[_DEPTH] = depth + 1
    try:
        # Fetch everything now, eager loads included, so each object is complete when its
        # observer view is made, before the caller sees it.
        frozen = state.invoke_statement().freeze()
    finally:
        info[_DEPTH] = depth
    if depth == 0:
        _view_loaded(info)
    return frozen()


def _loaded(target, context) -> None:
    _note_loaded(target, context.session)


def _refreshed(target, context, _attributes) -> None:
    # No query context when an UPDATE ... RETURNING refreshes the object.
    _note_loaded(target, context.session if context is not None else object_session(target))


def _note_loaded(target, session: Session | None) -> None:
    if session is not None and session.info.get(_DEPTH):
        session.info.setdefault(_LOADED, []).append(target)


def _view_loaded(info: dict) -> None:
    viewed = info.setdefault(_VIEWED, WeakSet())
    while info.get(_LOADED):
        record = info[_LOADED].pop()
        if publishing.observer_view(record):
            viewed.add(record)


def _refuse_changed_views(session: Session, _context, _instances) -> None:
    viewed = session.info.get(_VIEWED)
    if viewed and any(record in viewed for record in session.dirty):
        raise ObserverViewChangedError("an object loaded for an observer may not be saved")


def require(verb: str, thing=None) -> None:
    """Stop the request with 403 unless the reader may do `verb` (to `thing`)."""
    if not policy.may(current_user, verb, thing):
        abort(403)
