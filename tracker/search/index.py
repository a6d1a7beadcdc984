"""Keeping the full-text index in step with the records, in the transaction that writes them.

Every flush that adds, changes or deletes a searched record (or a report's priority)
rewrites that record's entries (tracker.records.search_index) before the transaction ends;
so do bulk UPDATE and DELETE statements on them (publishing and withdrawing are such
statements), whose rows are found by their WHERE clause before they run. A record has:

- a civil-society entry, from its working copy;
- when it is published, an observer entry built from the very view observers get of it
  (`publishing.observer_view`: the snapshot, undeclared fields blanked, Chatham House
  redaction applied), so no word an observer may not read ever reaches their entries;
- for reference records (draft paragraphs), one entry everyone reads.

`rebuild()` (the `flask search-index` command, and the data loaders after bulk inserts)
writes every entry again; `paused()` lets a loader skip the per-flush work it will redo.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any, cast

from flask_babel import force_locale
from sqlalchemy import Table, delete, event, insert, inspect, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session
from sqlalchemy.orm.attributes import set_committed_value

from tracker.core.extensions import db
from tracker.records import publishing
from tracker.records.base import PublishableMixin
from tracker.records.reports import Report, ReportPriority
from tracker.records.search_index import Audience, SearchEntry, scope_tokens
from tracker.search.sources import SOURCES, Source
from tracker.text.lexicon import language_of
from tracker.text.search import index_text

ENTRIES = cast(Table, SearchEntry.__table__)
BY_MODEL: dict[type, Source] = {source.model: source for source in SOURCES}
REBUILD_BATCH = 500
# Keys of Session.info.
_PENDING = "tracker.search.pending"  # {model: {ids}} to index again
_PAUSED = "tracker.search.paused"


# What an entry holds -------------------------------------------------------------------------


def entries_for(source: Source, record: Any) -> list[dict[str, Any]]:
    """The rows of `search_entry` for one record (none if it is not searchable)."""
    if not source.searchable(record):
        return []
    if not isinstance(record, PublishableMixin):
        return [_entry(source, record, record, Audience.EVERYONE)]
    entries = [_entry(source, record, record, Audience.CIVIL_SOCIETY)]
    if record.published is not None:
        entries.append(_entry(source, record, observer_copy(record), Audience.OBSERVER))
    return entries


def _entry(source: Source, record: Any, readable: Any, audience: Audience) -> dict[str, Any]:
    texts = source.texts(readable)
    searched = f"{texts.title}\n{texts.body}"
    language = language_of(searched)
    return {
        "kind": source.kind,
        "record_id": record.id,
        "audience": audience.value,
        "act_id": source.act_id(record),
        "group_key": source.group_key(record),
        "terms": index_text(searched, language),
        "context": index_text(texts.context, language),
        "scope": scope_tokens(audience.value, source.kind),
    }


def observer_copy(record: Any) -> Any:
    """A detached copy of `record` as observers read it (the record itself is untouched)."""
    mapper = inspect(record).mapper
    copy = mapper.class_manager.new_instance()
    for column in mapper.column_attrs:
        set_committed_value(copy, column.key, getattr(record, column.key))
    # The words the redaction puts in are the same whoever publishes.
    with force_locale("en"):
        publishing.observer_view(copy)
    return copy


# Writing entries ---------------------------------------------------------------------------


def write(session: Session, model: type, ids: Iterable[int]) -> None:
    """Replace the entries of these records (of `model`) by what they hold now."""
    ids = sorted(set(ids))
    if not ids:
        return
    source = BY_MODEL[model]
    records = _current(session, model, ids)
    if model is Report:
        for report in records:  # a priority may have been added or deleted on its own
            session.expire(report, ["priorities"])
    rows = [entry for record in records for entry in entries_for(source, record)]
    connection = session.connection()
    connection.execute(
        delete(ENTRIES).where(ENTRIES.c.kind == source.kind, ENTRIES.c.record_id.in_(ids))
    )
    if rows:
        connection.execute(insert(ENTRIES), rows)


def _current(session: Session, model: type, ids: list[int]) -> list[Any]:
    """The records still there, from the session when it holds them."""
    mapper: Mapper[Any] = inspect(model)
    found, missing = [], []
    for id_ in ids:
        record = session.identity_map.get(mapper.identity_key_from_primary_key((id_,)))
        state = inspect(record) if record is not None else None
        # An expired record may have been deleted by a bulk statement: ask the database.
        if state is not None and not (state.deleted or state.was_deleted or state.expired):
            found.append(record)
        else:
            missing.append(id_)
    if missing:
        found += session.scalars(select(model).where(mapper.primary_key[0].in_(missing))).all()
    return found


def rebuild(session: Any = None) -> int:
    """Write every entry again (in `session`, by default the app's); return how many."""
    session = session or db.session
    session.flush()
    connection = session.connection()
    connection.execute(delete(ENTRIES))
    count = 0
    for source in SOURCES:
        model = source.model
        ids = list(session.scalars(select(inspect(model).primary_key[0])))
        for start in range(0, len(ids), REBUILD_BATCH):
            chunk = ids[start : start + REBUILD_BATCH]
            records = session.scalars(select(model).where(model.id.in_(chunk))).all()
            rows = [entry for record in records for entry in entries_for(source, record)]
            if rows:
                connection.execute(insert(ENTRIES), rows)
            count += len(rows)
    return count


@contextlib.contextmanager
def paused(session: Session | None = None) -> Iterator[None]:
    """Leave the index as it is while the block writes (call `rebuild` after)."""
    info = (session or db.session).info
    info[_PAUSED] = True
    try:
        yield
    finally:
        info.pop(_PAUSED, None)


# Following the session -----------------------------------------------------------------------


def _pending(session: Session) -> dict[type, set[int]]:
    return session.info.setdefault(_PENDING, {})


def _note(session: Session, record: Any) -> None:
    model = type(record)
    if model in BY_MODEL:
        _pending(session).setdefault(model, set()).add(record.id)
    elif model is ReportPriority and record.report_id is not None:
        _pending(session).setdefault(Report, set()).add(record.report_id)


def _after_flush(session: Session, _context) -> None:
    if session.info.get(_PAUSED):
        return
    for record in (*session.new, *session.dirty, *session.deleted):
        _note(session, record)


def _write_pending(session: Session, *_args) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending and not session.info.get(_PAUSED):
        for model, ids in pending.items():
            write(session, model, ids)


def _forget_pending(session: Session, *_args) -> None:
    session.info.pop(_PENDING, None)


def _bulk_statement(state: ORMExecuteState) -> None:
    """Note the rows a bulk UPDATE or DELETE of a searched record is about to change."""
    if not (state.is_update or state.is_delete) or state.session.info.get(_PAUSED):
        return
    mapper = state.bind_mapper
    if mapper is None or mapper.class_ not in BY_MODEL:
        return
    where = getattr(state.statement, "whereclause", None)
    ids = select(mapper.local_table.c.id)
    if where is not None:
        ids = ids.where(where)
    found = state.session.connection().execute(ids).scalars()
    _pending(state.session).setdefault(mapper.class_, set()).update(found)


def install(scoped_session) -> None:
    """Listen once, however many apps a process creates (they share the session)."""
    listeners: tuple[tuple[str, Any], ...] = (
        ("after_flush", _after_flush),
        ("after_flush_postexec", _write_pending),
        ("before_commit", _write_pending),
        ("after_rollback", _forget_pending),
        ("do_orm_execute", _bulk_statement),
    )
    for name, listener in listeners:
        if not event.contains(scoped_session, name, listener):
            event.listen(scoped_session, name, listener)
