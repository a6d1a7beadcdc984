"""Load the demo workspace: the TEN ACTS, the Puerto Vallarta agenda, milestones, accounts,
and the meeting record (see `tracker.demo.record`).

Every record is found by its natural key before it is created, so loading twice changes
nothing.
"""

from sqlalchemy import select

from tracker.auth.passwords import hash_password
from tracker.core.extensions import db
from tracker.demo import agenda
from tracker.demo.actions import load_actions
from tracker.demo.drafts import load_drafts
from tracker.demo.record import load_governments, load_record
from tracker.records.accounts import Organization, User
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Milestone, Speaker
from tracker.records.policy import Role

DEMO_PASSWORD = "tenacts-demo-2017"
DEMO_ACCOUNTS = [
    ("admin@example.org", "Alex Admin", Role.ADMIN, "International Council of Voluntary Agencies"),
    (
        "coordinator@example.org",
        "Camila Coordinator",
        Role.COORDINATOR,
        "International Council of Voluntary Agencies",
    ),
    ("rapporteur@example.org", "Rafael Rapporteur", Role.RAPPORTEUR, "Migrant Forum in Asia"),
    (
        "member@example.org",
        "Mariam Member",
        Role.MEMBER,
        "Platform for International Cooperation on Undocumented Migrants",
    ),
    ("observer@example.org", "Olivier Observer", Role.OBSERVER, "Government of Switzerland"),
]


def is_empty() -> bool:
    return db.session.scalar(select(Act.id).limit(1)) is None


def _get_or_create(model, lookup: dict, values: dict):
    instance = db.session.scalar(select(model).filter_by(**lookup))
    if instance is None:
        instance = model(**lookup, **values)
        db.session.add(instance)
        db.session.flush()
    return instance


def load_demo() -> list[tuple[str, str]]:
    """Load everything; return the demo accounts as (email, role)."""
    acts = {
        row["number"]: _get_or_create(
            Act, {"number": row["number"]}, {"title": row["title"], "summary": row["summary"]}
        )
        for row in agenda.ACTS
    }
    organizations = {
        row["name"]: _get_or_create(
            Organization,
            {"name": row["name"]},
            {key: value for key, value in row.items() if key != "name"},
        )
        for row in agenda.ORGANIZATIONS
    }
    _load_meeting(acts, organizations)
    for row in agenda.MILESTONES:
        _get_or_create(
            Milestone,
            {"key": row["key"]},
            {key: value for key, value in row.items() if key != "key"},
        )
    accounts = []
    for email, name, role, organization_name in DEMO_ACCOUNTS:
        organization = organizations.get(organization_name)
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            db.session.add(
                User(
                    email=email,
                    name=name,
                    role=role,
                    organization_id=organization.id if organization else None,
                    password_hash=hash_password(DEMO_PASSWORD),
                )
            )
        accounts.append((email, str(role)))
    load_governments()
    load_record()
    load_actions()
    db.session.commit()
    load_drafts()  # through the same service as the UI, so reflections carry forward
    return accounts


def _load_meeting(acts: dict[int, Act], organizations: dict[str, Organization]) -> Meeting:
    row = agenda.MEETING
    meeting = _get_or_create(
        Meeting,
        {"slug": row["slug"]},
        {
            key: row[key]
            for key in ("title", "city", "country", "timezone", "starts_on", "ends_on", "summary")
        },
    )
    existing = {
        item.key
        for item in db.session.scalars(
            select(MeetingSession).where(MeetingSession.meeting_id == meeting.id)
        )
    }
    for position, row in enumerate(agenda.SESSIONS):
        if row["key"] in existing:
            continue
        item = MeetingSession(
            meeting=meeting,
            key=row["key"],
            day=row["day"],
            starts_at=row["start"],
            ends_at=row["end"],
            kind=row["kind"],
            title=row["title"],
            purpose=row["purpose"],
            venue=row["venue"],
            audience=row["audience"],
            languages=list(row["languages"]),
            position=position,
            acts=[acts[number] for number in row["acts"]],
        )
        for speaker_position, speaker in enumerate(row["speakers"]):
            organization = organizations.get(speaker["organization"])
            item.speakers.append(
                Speaker(
                    name=speaker["name"],
                    organization_id=organization.id if organization else None,
                    role=speaker["role"],
                    tbc=speaker["tbc"],
                    position=speaker_position,
                )
            )
        db.session.add(item)
    db.session.flush()
    return meeting
