"""Coordinators set up meetings and their agenda: create, edit, reorder, move in time; the
agenda flags two items held in the same place at the same time."""

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from tracker.agenda.lines import SpeakerLine
from tracker.core.conflicts import check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.records.accounts import Organization
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Speaker


class AgendaRuleError(ValueError):
    """A change the agenda cannot take; the message says why."""


@dataclass(frozen=True)
class MeetingFields:
    title: str
    city: str
    country: str
    timezone: str
    starts_on: date
    ends_on: date
    languages: tuple[str, ...]
    audience: str
    summary: str


@dataclass(frozen=True)
class ItemFields:
    day: date
    start: time
    end: time
    kind: str
    title: str
    purpose: str
    venue: str
    audience: str
    languages: tuple[str, ...]
    acts: tuple[Act, ...]
    speakers: tuple[SpeakerLine, ...]


def new_slug(title: str, starts_on: date) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "meeting"
    base = f"{base}-{starts_on.year}"
    taken = set(db.session.scalars(select(Meeting.slug).where(Meeting.slug.like(f"{base}%"))))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_meeting(fields: MeetingFields) -> Meeting:
    meeting = Meeting(slug=new_slug(fields.title, fields.starts_on))
    _set_meeting(meeting, fields)
    db.session.add(meeting)
    db.session.commit()
    return meeting


def edit_meeting(meeting: Meeting, fields: MeetingFields, version: int | str | None) -> None:
    check_version(meeting, version)
    outside = db.session.scalar(
        select(func.count())
        .select_from(MeetingSession)
        .where(
            MeetingSession.meeting_id == meeting.id,
            (MeetingSession.day < fields.starts_on) | (MeetingSession.day > fields.ends_on),
        )
    )
    if outside:
        raise AgendaRuleError(
            ngettext(
                "%(num)d item of the agenda falls outside these dates: move it first.",
                "%(num)d items of the agenda fall outside these dates: move them first.",
                outside,
            )
        )
    _set_meeting(meeting, fields)
    commit_or_conflict(meeting)


def _set_meeting(meeting: Meeting, fields: MeetingFields) -> None:
    meeting.title = fields.title
    meeting.city = fields.city
    meeting.country = fields.country
    meeting.timezone = fields.timezone
    meeting.starts_on = fields.starts_on
    meeting.ends_on = fields.ends_on
    meeting.languages = list(fields.languages)
    meeting.audience = fields.audience  # type: ignore[assignment]
    meeting.summary = fields.summary


def create_item(meeting: Meeting, fields: ItemFields) -> MeetingSession:
    last = db.session.scalar(
        select(func.max(MeetingSession.position)).where(MeetingSession.meeting_id == meeting.id)
    )
    taken = set(
        db.session.scalars(
            select(MeetingSession.key).where(MeetingSession.meeting_id == meeting.id)
        )
    )
    base = re.sub(r"[^a-z0-9]+", "-", fields.title.lower()).strip("-")[:60] or "item"
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    item = MeetingSession(meeting=meeting, key=key, position=(last or 0) + 1)
    db.session.add(item)
    with db.session.no_autoflush:
        _set_item(item, fields)
    db.session.commit()
    return item


def edit_item(item: MeetingSession, fields: ItemFields, version: int | str | None) -> None:
    check_version(item, version)
    _set_item(item, fields)
    commit_or_conflict(item)


def _set_item(item: MeetingSession, fields: ItemFields) -> None:
    item.day = fields.day
    item.starts_at = fields.start
    item.ends_at = fields.end
    item.kind = fields.kind  # type: ignore[assignment]
    item.title = fields.title
    item.purpose = fields.purpose
    item.venue = fields.venue
    item.audience = fields.audience  # type: ignore[assignment]
    item.languages = list(fields.languages)
    item.acts = list(fields.acts)
    organizations = _organizations([s.organization for s in fields.speakers if s.organization])
    item.speakers = [
        Speaker(
            name=speaker.name,
            organization=organizations.get(speaker.organization.lower()),
            role=speaker.role,
            tbc=speaker.tbc,
            position=number,
        )
        for number, speaker in enumerate(fields.speakers)
    ]


def _organizations(names: list[str]) -> dict[str, Organization]:
    """The organisations named, by name or acronym; a name not known yet is added."""
    found: dict[str, Organization] = {}
    for organization in db.session.scalars(select(Organization)):
        found[organization.name.lower()] = organization
        if organization.acronym:
            found.setdefault(organization.acronym.lower(), organization)
    for name in names:
        if name.lower() not in found:
            found[name.lower()] = Organization(name=name)
            db.session.add(found[name.lower()])
    return found


def reschedule(
    item: MeetingSession, day: date, start: time, end: time, version: int | str | None
) -> None:
    check_version(item, version)
    item.day, item.starts_at, item.ends_at = day, start, end
    commit_or_conflict(item)


def move(item: MeetingSession, agenda: Sequence[MeetingSession], up: bool) -> bool:
    """Swap the item with the one before (or after) it on the same day: items held at the
    same time swap places in the list; otherwise they swap times, each keeping its length."""
    day = [other for other in agenda if other.day == item.day]
    index = day.index(item)
    neighbour_index = index - 1 if up else index + 1
    if not 0 <= neighbour_index < len(day):
        return False
    first, second = sorted((item, day[neighbour_index]), key=day.index)
    if first.starts_at == second.starts_at:
        first.position, second.position = second.position, first.position
    else:
        start = first.starts_at
        second.starts_at, second.ends_at = _shifted(second, start)
        first.starts_at, first.ends_at = _shifted(first, second.ends_at)
    db.session.commit()
    return True


def _shifted(item: MeetingSession, start: time) -> tuple[time, time]:
    length = datetime.combine(item.day, item.ends_at) - datetime.combine(item.day, item.starts_at)
    end = datetime.combine(item.day, start) + length
    if end.date() != item.day:
        raise AgendaRuleError(_("The item would end after midnight."))
    return start, end.time()


def room_conflicts(agenda: Sequence[MeetingSession]) -> dict[int, list[MeetingSession]]:
    """For each item held in the same place as another at the same time, those others."""
    by_place: dict[tuple[date, str], list[MeetingSession]] = defaultdict(list)
    for item in agenda:
        if item.venue.strip():
            by_place[(item.day, item.venue.strip().lower())].append(item)
    conflicts: dict[int, list[MeetingSession]] = defaultdict(list)
    for items in by_place.values():
        for index, item in enumerate(items):
            for other in items[index + 1 :]:
                if item.starts_at < other.ends_at and other.starts_at < item.ends_at:
                    conflicts[item.id].append(other)
                    conflicts[other.id].append(item)
    return dict(conflicts)
