"""Reading the activity log: filtered by person, kind of record and dates; a page of it,
and the same entries as CSV."""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from tracker.core.labels import ACTIVITY_VERBS, RECORD_TYPES
from tracker.records.accounts import User
from tracker.records.activity import Activity

PER_PAGE = 50
# A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Filters:
    person_id: int | None = None
    record_type: str | None = None
    since: date | None = None
    until: date | None = None


def people_in_log() -> Select:
    """The people who did something the log recorded, by name (the person filter)."""
    actors = select(Activity.actor_id).where(Activity.actor_id.is_not(None))
    return select(User).where(User.id.in_(actors)).order_by(User.name, User.id)


def entries(filters: Filters) -> Select:
    """The log's entries matching `filters`, newest first, with who did it."""
    query = select(Activity).options(joinedload(Activity.actor))
    if filters.person_id:
        query = query.where(Activity.actor_id == filters.person_id)
    if filters.record_type:
        query = query.where(Activity.record_type == filters.record_type)
    if filters.since:
        query = query.where(Activity.created_at >= _start_of(filters.since))
    if filters.until:
        query = query.where(Activity.created_at < _start_of(filters.until + timedelta(days=1)))
    return query.order_by(Activity.created_at.desc(), Activity.id.desc())


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def neutralise(value) -> str:
    """Text a spreadsheet shows as text: formulas are prefixed with an apostrophe (OWASP)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_rows(activity: Iterable[Activity]) -> Iterator[str]:
    """The CSV file, line by line: UTF-8 with a byte-order mark so spreadsheets read accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(
        [
            _("When (UTC)"),
            _("Who"),
            _("What"),
            _("Kind of record"),
            _("Record"),
            _("Id"),
            _("Detail"),
        ]
    )
    yield "\ufeff" + flush()
    for entry in activity:
        writer.writerow(
            [
                entry.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
                neutralise(entry.actor.name if entry.actor else ""),
                str(ACTIVITY_VERBS.get(entry.verb, entry.verb)),
                str(RECORD_TYPES.get(entry.record_type, entry.record_type)),
                neutralise(entry.summary),
                entry.record_id,
                neutralise(entry.detail),
            ]
        )
        yield flush()
