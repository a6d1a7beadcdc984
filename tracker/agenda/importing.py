"""An agenda from a file: read (CSV, XLSX or iCalendar), checked line by line, shown as a
plan, then saved whole in one transaction, or not at all.

The columns are those of the export (`HEADER`), so an exported agenda imported into an
empty meeting gives the same agenda. docs/import.md documents them.
"""

import re
from dataclasses import dataclass, field
from datetime import date, time

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.agenda import calendar_import
from tracker.agenda.lines import (
    LineValueError,
    SpeakerLine,
    parse_acts,
    parse_languages,
    parse_speakers,
)
from tracker.core.extensions import db
from tracker.core.spreadsheets import LineError, Row, UnreadableFileError, read_table
from tracker.records.accounts import Organization
from tracker.records.acts import Act
from tracker.records.agenda import Audience, Meeting, MeetingSession, SessionKind, Speaker

HEADER = (
    "key",
    "day",
    "start",
    "end",
    "kind",
    "title",
    "purpose",
    "venue",
    "audience",
    "languages",
    "acts",
    "speakers",
)
REQUIRED = ("day", "start", "end", "title")
KINDS = frozenset(kind.value for kind in SessionKind)
AUDIENCES = frozenset(audience.value for audience in Audience)


@dataclass(frozen=True)
class ItemPlan:
    line: int
    key: str
    day: date
    start: time
    end: time
    kind: str
    title: str
    purpose: str
    venue: str
    audience: str
    languages: tuple[str, ...]
    acts: tuple[int, ...]
    speakers: tuple[SpeakerLine, ...]


@dataclass
class AgendaPlan:
    items: list[ItemPlan] = field(default_factory=list)
    new_organizations: list[str] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


def plan_import(meeting: Meeting, filename: str, content: bytes) -> AgendaPlan:
    """What importing this file into `meeting` would create, or the errors line by line."""
    try:
        if filename.lower().endswith((".ics", ".ical")):
            rows = calendar_import.rows_of(content, meeting)
        else:
            rows = read_table(filename, content, HEADER, REQUIRED)
    except UnreadableFileError as error:
        return AgendaPlan(errors=error.errors)
    plan = AgendaPlan()
    if not rows:
        plan.errors.append(LineError(1, _("The file has no agenda item.")))
    acts = set(db.session.scalars(select(Act.number)))
    taken = set(
        db.session.scalars(
            select(MeetingSession.key).where(MeetingSession.meeting_id == meeting.id)
        )
    )
    for row in rows:
        try:
            item = _item(row, meeting, acts, taken)
        except LineValueError as error:
            plan.errors.append(LineError(row.line, str(error)))
            continue
        taken.add(item.key)
        plan.items.append(item)
    known = _organizations_by_name()
    wanted = {s.organization for i in plan.items for s in i.speakers if s.organization}
    plan.new_organizations = sorted(name for name in wanted if name.lower() not in known)
    return plan


def _item(row: Row, meeting: Meeting, acts: set[int], taken: set[str]) -> ItemPlan:
    day = _day(row.get("day"), meeting)
    start, end = _time(row.get("start")), _time(row.get("end"))
    if end <= start:
        raise LineValueError(_("The item ends before it starts."))
    title = row.get("title")
    if not title or len(title) > 300:
        raise LineValueError(_("Each item needs a title of at most 300 characters."))
    kind = (row.get("kind") or SessionKind.PLENARY.value).lower()
    if kind not in KINDS:
        raise LineValueError(
            _("“%(kind)s” is not a kind of item (%(kinds)s).", kind=kind, kinds=", ".join(KINDS))
        )
    audience = (row.get("audience") or Audience.CIVIL_SOCIETY.value).lower()
    if audience not in AUDIENCES:
        raise LineValueError(
            _("The audience is “civil_society” or “open”, not “%(value)s”.", value=audience)
        )
    return ItemPlan(
        line=row.line,
        key=_key(row.get("key"), title, taken),
        day=day,
        start=start,
        end=end,
        kind=kind,
        title=title,
        purpose=row.get("purpose"),
        venue=row.get("venue")[:300],
        audience=audience,
        languages=parse_languages(row.get("languages")),
        acts=parse_acts(row.get("acts"), acts),
        speakers=parse_speakers(row.get("speakers")),
    )


def _day(value: str, meeting: Meeting) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise LineValueError(
            _("“%(value)s” is not a date (write 2017-12-02).", value=value)
        ) from None
    if not meeting.starts_on <= day <= meeting.ends_on:
        raise LineValueError(
            _(
                "%(day)s is not a day of this meeting (%(first)s to %(last)s).",
                day=value,
                first=format_date(meeting.starts_on, "medium"),
                last=format_date(meeting.ends_on, "medium"),
            )
        )
    return day


def _time(value: str) -> time:
    try:
        return time.fromisoformat(value.strip().replace(".", ":").zfill(5))
    except ValueError:
        raise LineValueError(_("“%(value)s” is not a time (write 14:30).", value=value)) from None


def _key(value: str, title: str, taken: set[str]) -> str:
    if value:
        if value in taken:
            raise LineValueError(_("The key “%(key)s” is already in this agenda.", key=value))
        if len(value) > 80:
            raise LineValueError(_("A key has at most 80 characters."))
        return value
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "item"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


def _organizations_by_name() -> dict[str, Organization]:
    organizations = db.session.scalars(select(Organization)).all()
    found = {org.name.lower(): org for org in organizations}
    found.update({org.acronym.lower(): org for org in organizations if org.acronym})
    return found


def apply_import(meeting: Meeting, plan: AgendaPlan) -> int:
    """Save the plan's items (and the organisations they name) in one transaction."""
    if plan.errors:
        raise ValueError("a plan with errors is never saved")
    organizations = _organizations_by_name()
    for name in plan.new_organizations:
        organization = Organization(name=name)
        db.session.add(organization)
        organizations[name.lower()] = organization
    acts = {act.number: act for act in db.session.scalars(select(Act))}
    last = db.session.scalar(
        select(func.max(MeetingSession.position)).where(MeetingSession.meeting_id == meeting.id)
    )
    start = (last or 0) + 1
    for position, item in enumerate(plan.items, start):
        session = MeetingSession(
            meeting=meeting,
            key=item.key,
            day=item.day,
            starts_at=item.start,
            ends_at=item.end,
            kind=item.kind,
            title=item.title,
            purpose=item.purpose,
            venue=item.venue,
            audience=item.audience,
            languages=list(item.languages),
            position=position,
            acts=[acts[number] for number in item.acts],
        )
        for number, speaker in enumerate(item.speakers):
            session.speakers.append(
                Speaker(
                    name=speaker.name,
                    organization=organizations.get(speaker.organization.lower())
                    if speaker.organization
                    else None,
                    role=speaker.role,
                    tbc=speaker.tbc,
                    position=number,
                )
            )
        db.session.add(session)
    db.session.commit()
    return len(plan.items)
