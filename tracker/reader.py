"""Apply the policy's visibility filter to every ORM query made for the signed-in reader.

This is SQLAlchemy's "global WHERE criteria" recipe: a `do_orm_execute` hook adds
`with_loader_criteria` options to each SELECT, so lists, counts, searches and relationship
loads all see the same rows. Civil-society roles see every record, so no opt-out exists;
CLI commands run outside a request and see everything.
"""

from flask import abort, g, has_request_context
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState

from tracker import policy


def current_reader():
    """The signed-in user of this request, if Flask-Login has loaded one."""
    return g.get("_login_user")


def read_as(user) -> None:
    """Read the rest of this request as `user`, who is not signed in here: a calendar feed
    opened with its secret address sees exactly what its owner may see."""
    g._login_user = user


def install_visibility_filter(scoped_session) -> None:
    event.listen(scoped_session, "do_orm_execute", _restrict_to_reader)


def _restrict_to_reader(state: ORMExecuteState) -> None:
    if not has_request_context() or not state.is_select:
        return
    if state.is_column_load or state.is_relationship_load:
        return  # the options on the top-level statement propagate to these loads
    reader = current_reader()
    options = policy.visibility_options(reader)
    if options:
        state.statement = state.statement.options(*options)


def require(verb: str, thing=None) -> None:
    """Stop the request with 403 unless the reader may do `verb` (to `thing`)."""
    if not policy.may(current_user, verb, thing):
        abort(403)
