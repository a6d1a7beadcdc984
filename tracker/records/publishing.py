"""Publishing to governments, and the view of a record observers get.

A coordinator publishes a record (`publish`): the fields the policy lets observers read are
copied, as they stand, into the record's `published` snapshot. From then on observers read
that snapshot and nothing else: `observer_view` is applied by `tracker.records.reader` to every
object an observer's query loads, before any code sees it. It keeps the attributes the
policy declares live, takes the declared published ones from the snapshot, and blanks
every other attribute; under the Chatham House rule it also removes the governments'
names (`chatham_house`). Editing, reopening or returning the working copy therefore
changes nothing for observers until a coordinator publishes again; withdrawing hides it.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, date, datetime
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import Date, DateTime, Enum, inspect, update
from sqlalchemy.orm import ColumnProperty, Mapper, RelationshipProperty
from sqlalchemy.orm.attributes import set_committed_value

from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.records import policy
from tracker.records.activity import ActivityVerb, log_activity
from tracker.records.base import Visibility
from tracker.text.redaction import government_names, redact

# Publishing ---------------------------------------------------------------------------------


def snapshot(record) -> dict[str, Any]:
    """The published fields of `record` as they stand, in JSON-ready form."""
    declared = policy.OBSERVERS_READ[type(record).__name__]
    mapper = inspect(record).mapper
    return {name: _dump(mapper.attrs[name], getattr(record, name)) for name in declared.published}


def is_revised(record) -> bool:
    """Whether the working copy says something else than what governments read (False if
    unpublished); when it was last touched does not count."""
    if record.published is None:
        return False
    now, then = snapshot(record), dict(record.published)
    now.pop("updated_at", None)
    then.pop("updated_at", None)
    return now != then


def publish(record, actor, summary: str = "") -> None:
    """Let observers read `record` as it stands now (again, if it was published before).

    A bulk UPDATE, so that an edit form open on the record does not go stale for it; the
    caller commits.
    """
    _set_publication(
        record,
        published=snapshot(record),
        visibility=Visibility.SHARED,
        published_at=utcnow(),
        published_by_id=actor.id,
    )
    log_activity(actor, ActivityVerb.PUBLISHED, record, summary)


def publish_new(record, actor, at: datetime | None = None) -> None:
    """Publish a record being created (not yet flushed), e.g. by the demo's loader."""
    record.published = snapshot(record)
    record.visibility = Visibility.SHARED
    record.published_at = at or utcnow()
    record.published_by_id = actor.id if actor is not None else None


def withdraw(record, actor, summary: str = "") -> None:
    """Observers no longer read `record`; the caller commits."""
    _set_publication(
        record,
        published=None,
        visibility=Visibility.CIVIL_SOCIETY,
        published_at=None,
        published_by_id=None,
    )
    log_activity(actor, ActivityVerb.WITHDRAWN, record, summary)


def _set_publication(record, **values) -> None:
    model = type(record)
    db.session.execute(
        update(model).where(model.id == record.id).values(**values),
        execution_options={"synchronize_session": False},
    )
    for key, value in values.items():
        set_committed_value(record, key, value)


def _dump(attribute, value) -> Any:
    if isinstance(attribute, RelationshipProperty):
        columns = attribute.mapper.column_attrs
        return [{c.key: _dump(c, getattr(item, c.key)) for c in columns} for item in value]
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)  # as SQLite gives it back
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _load(attribute, value) -> Any:
    if value is None:
        return None
    if isinstance(attribute, RelationshipProperty):
        return [_transient(attribute.mapper, row) for row in value]
    column_type = attribute.columns[0].type
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    return value


def _transient(mapper: Mapper, row: dict[str, Any]) -> Any:
    """A detached copy of a published row (a priority, a stance, a government): readable,
    never saved."""
    item = mapper.class_manager.new_instance()
    for column in mapper.column_attrs:
        set_committed_value(item, column.key, _load(column, row.get(column.key)))
    return item


# What observers see -------------------------------------------------------------------------


def as_read(column, reader):
    """`column` of a publishable record as `reader` reads it, for a query that selects
    columns rather than records: the published value for observers."""
    if policy.sees_everything(reader):
        return column
    return column.class_.published[column.key].as_string()


def hidden_columns(statement) -> list[str]:
    """The columns a SELECT names that observers may not read as they are ("Report.status"):
    a query that selects columns rather than records gets no observer view."""
    hidden = []
    for description in getattr(statement, "column_descriptions", ()):
        entity, expression = description.get("entity"), description.get("expr")
        key = getattr(expression, "key", None)
        if not isinstance(entity, type) or key is None or expression is entity:
            continue
        declared = policy.observer_read(entity.__name__)
        if declared is None:
            continue
        mapper: Mapper[Any] = inspect(entity)
        attribute = mapper.attrs.get(key)
        readable = key in declared.live and key != "published"
        if attribute is not None and not readable and not _is_primary_key(attribute):
            hidden.append(f"{entity.__name__}.{key}")
    return hidden


def observer_view(record) -> bool:
    """Leave on `record` only what observers may read (see the module's docstring); False
    when they read it whole (reference data, account records)."""
    declared = policy.observer_read(type(record).__name__)
    if declared is None:
        return False
    state = inspect(record)
    mapper = state.mapper
    published = state.dict.get("published")
    # The stricter of the published and the current rule: a table put under the Chatham
    # House rule after it was published is redacted at once.
    under_rule = bool(state.dict.get("chatham_house"))
    for attribute in mapper.attrs:
        key = attribute.key
        if key in declared.live or _is_primary_key(attribute):
            continue
        if key in declared.published and published is not None:
            value = _load(attribute, published.get(key))
        else:
            value = _blank(attribute)
        set_committed_value(record, key, value)
    if "chatham_house" in declared.published:
        if under_rule:
            set_committed_value(record, "chatham_house", True)
        chatham_house(record)
    if "published" in mapper.attrs:
        # What observers may read is on the record now; the raw snapshot is not for them.
        set_committed_value(record, "published", None)
    return True


def _is_primary_key(attribute) -> bool:
    return isinstance(attribute, ColumnProperty) and any(c.primary_key for c in attribute.columns)


def _blank(attribute) -> Any:
    if isinstance(attribute, RelationshipProperty):
        return [] if attribute.uselist else None
    column = attribute.columns[0]
    if column.nullable:
        return None
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return None
    return {str: "", int: 0, bool: False}.get(python_type)


def chatham_house(outcome) -> None:
    """Under the Chatham House rule: no government's name in any text of the outcome (those
    present, every UN member state in English, French and Spanish, every UN agency the
    workspace lists), the governments
    present shown as "Government A", "Government B"..., no participants, no stance notes.

    The one redaction every observer-facing rendering of such an outcome goes through
    (pages, search, briefs, exports), because it is applied where observers' records load.
    """
    if not outcome.chatham_house:
        return
    present = outcome.governments
    names = government_names() | {government.name for government in present}
    replacement = _("a government")
    for key in ("summary", "commitments", "follow_ups"):
        set_committed_value(outcome, key, redact(getattr(outcome, key) or "", names, replacement))
    hidden = policy.CHATHAM_HOUSE_HIDDEN
    for record in (outcome, *outcome.stances):
        for key in hidden.get(type(record).__name__, ()):
            set_committed_value(record, key, "")
    states = [g for g in present if g.kind == "member_state"]
    labels = {g.id: anonymous_label(i) for i, g in enumerate(anonymous_order(outcome.id, states))}
    anonymous = [
        _transient(
            inspect(government).mapper,
            {
                "id": government.id,
                "name": labels.get(government.id) or _("a UN agency"),
                "kind": str(government.kind),
            },
        )
        for government in present
    ]
    set_committed_value(outcome, "governments", anonymous)


def anonymous_order(outcome_id: int, governments: list) -> list:
    """The governments in an order derived from a keyed hash: neither the labels nor their
    order give the names away."""
    key = current_app.config["SECRET_KEY"].encode()

    def order(government) -> bytes:
        message = f"{outcome_id}:{government.id}".encode()
        return hmac.new(key, message, hashlib.sha256).digest()

    return sorted(governments, key=order)


def anonymous_label(index: int) -> str:
    """0 -> "Government A", 25 -> "Government Z", 26 -> "Government AA"..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return _("Government %(letter)s", letter=letters)
