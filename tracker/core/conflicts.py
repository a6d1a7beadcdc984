"""Edit conflicts: a save made from a stale form never overwrites a newer one.

Each editable record has a `version` column (SQLAlchemy's version_id_col). Its edit form
carries the version it was loaded at in a hidden field; a service calls `check_version`
before changing anything, and `commit_or_conflict` turns a race lost at commit time into
the same `EditConflictError`. The view then answers 409 with the conflict page: the newer saved
text beside the text the user typed, and the form again (now at the current version) so
they can choose or merge and save.
"""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import format_date, format_datetime
from sqlalchemy.orm.exc import StaleDataError

from tracker.core.extensions import db


@dataclass(frozen=True)
class ConflictField:
    label: str
    mine: str
    theirs: str


class EditConflictError(Exception):
    def __init__(self, record, fields: list[ConflictField] | None = None) -> None:
        super().__init__(f"{type(record).__name__} {record.id} was saved by someone else")
        self.record = record
        self.fields = fields or []


def check_version(record, submitted_version: int | str | None) -> None:
    try:
        submitted = int(submitted_version)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        submitted = -1
    if submitted != record.version:
        raise EditConflictError(record)


def commit_or_conflict(record) -> None:
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise EditConflictError(record) from None


def form_conflicts(form, record, names: list[str]) -> list[ConflictField]:
    """The fields of `form` whose typed value differs from what `record` now holds, each
    with both versions (for the 409 page of a form whose fields map onto the record)."""
    fields = []
    for name in names:
        saved = getattr(record, name)
        theirs = ", ".join(map(str, saved)) if isinstance(saved, list) else _text(saved)
        data = form[name].data
        mine = ", ".join(map(str, data)) if isinstance(data, list) else _text(data)
        if mine != theirs:
            fields.append(ConflictField(label=str(form[name].label.text), mine=mine, theirs=theirs))
    return fields


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "medium")
    if isinstance(value, date):
        return format_date(value, "medium")
    return str(value)
