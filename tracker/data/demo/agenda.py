"""The demo meeting's agenda (agenda.toml): read into plain values, then loaded as a meeting
with its sessions and speakers.

A session is found by its key in the meeting before it is added, so loading twice changes
nothing; a session already there keeps what was edited in the app.
"""

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.files import read_toml, split_translations
from tracker.records.accounts import Organization
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Speaker

FILE = "agenda.toml"
MEETING_FIELDS = (
    "slug",
    "title",
    "city",
    "country",
    "timezone",
    "summary",
    "audience",
    "languages",
)


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    organization: str = ""
    role: str = "speaker"
    tbc: bool = False


@dataclass(frozen=True)
class Item:
    """One item of the agenda, with the defaults filled in."""

    key: str
    day: date
    start: time
    end: time
    kind: str
    title: str
    audience: str
    purpose: str
    venue: str
    languages: tuple[str, ...] = ()
    acts: tuple[int, ...] = ()
    speakers: tuple[SpeakerEntry, ...] = ()
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Agenda:
    meeting: dict
    default_purposes: dict[str, str]
    items: tuple[Item, ...]


def read_agenda() -> Agenda:
    data = read_toml(__package__, FILE)
    meeting, meeting_translations = split_translations(data["meeting"])
    defaults = data["defaults"]
    moderators = tuple(
        SpeakerEntry(**row, role="moderator") for row in meeting.get("moderators", ())
    )
    items = tuple(
        _item(row, day["date"], defaults, moderators)
        for day in data["days"]
        for row in day.get("items", ())
    )
    days = [day["date"] for day in data["days"]]
    values = {name: meeting[name] for name in MEETING_FIELDS}
    return Agenda(
        meeting={
            **values,
            "starts_on": days[0],
            "ends_on": days[-1],
            "translations": meeting_translations,
        },
        default_purposes=defaults["purpose"],
        items=items,
    )


def _item(row: dict, day: date, defaults: dict, moderators: tuple[SpeakerEntry, ...]) -> Item:
    values, translations = split_translations(row)
    values["translations"] = translations
    try:
        speakers = tuple(SpeakerEntry(**speaker) for speaker in values.pop("speakers", ()))
        if values.pop("moderated", False):
            speakers = moderators + speakers
        values.setdefault("purpose", defaults["purpose"].get(values.get("kind"), ""))
        values.setdefault("venue", defaults["venue"])
        values["languages"] = tuple(values.get("languages", ()))
        values["acts"] = tuple(values.get("acts", ()))
        return Item(day=day, speakers=speakers, **values)
    except TypeError as error:  # a key left out or misspelt
        raise ValueError(f"{FILE}, item {row.get('key')!r}: {error}") from error


AGENDA = read_agenda()
GROUP_PURPOSE = AGENDA.default_purposes["group_session"]


def load_meeting(acts: dict[int, Act], organizations: dict[str, Organization]) -> Meeting:
    """The demo meeting, with the agenda's sessions it is missing."""
    meeting = db.session.scalar(select(Meeting).where(Meeting.slug == AGENDA.meeting["slug"]))
    if meeting is None:
        meeting = Meeting(**AGENDA.meeting)
        db.session.add(meeting)
        db.session.flush()
    existing = set(
        db.session.scalars(
            select(MeetingSession.key).where(MeetingSession.meeting_id == meeting.id)
        )
    )
    for position, item in enumerate(AGENDA.items):
        if item.key not in existing:
            db.session.add(_session(meeting, item, position, acts, organizations))
    db.session.flush()
    return meeting


def _session(
    meeting: Meeting,
    item: Item,
    position: int,
    acts: dict[int, Act],
    organizations: dict[str, Organization],
) -> MeetingSession:
    session = MeetingSession(
        meeting=meeting,
        key=item.key,
        day=item.day,
        starts_at=item.start,
        ends_at=item.end,
        kind=item.kind,
        title=item.title,
        translations=item.translations,
        purpose=item.purpose,
        venue=item.venue,
        audience=item.audience,
        languages=list(item.languages),
        position=position,
        acts=[acts[number] for number in item.acts],
    )
    for speaker_position, speaker in enumerate(item.speakers):
        organization = organizations.get(speaker.organization)
        session.speakers.append(
            Speaker(
                name=speaker.name,
                organization_id=organization.id if organization else None,
                role=speaker.role,
                tbc=speaker.tbc,
                position=speaker_position,
            )
        )
    return session
