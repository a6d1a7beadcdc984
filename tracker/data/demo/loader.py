"""Load the demo workspace: the TEN ACTS, organisations, the Puerto Vallarta agenda,
milestones, accounts, then the meeting record, actions, drafts and positions in the
negotiation rounds (illustrative).

Every record is found by its natural key before it is created, so loading twice changes
nothing.
"""

from typing import Any, NamedTuple

from sqlalchemy import select

from tracker.auth.passwords import hash_password
from tracker.core.extensions import db
from tracker.data.demo.actions import load_actions
from tracker.data.demo.agenda import load_meeting
from tracker.data.demo.drafts import load_drafts
from tracker.data.demo.positions import load_positions
from tracker.data.demo.record import load_governments, load_record
from tracker.data.files import read_toml, split_translations
from tracker.records.accounts import Organization, User
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.policy import Role


class Account(NamedTuple):
    email: str
    name: str
    role: Role
    organization: str


def _accounts(rows: list[dict]) -> tuple[Account, ...]:
    return tuple(
        Account(row["email"], row["name"], Role(row["role"]), row["organization"]) for row in rows
    )


_ACCOUNTS = read_toml(__package__, "accounts.toml")
DEMO_PASSWORD: str = _ACCOUNTS["password"]
# One account per role, to sign in with; then the rapporteurs who wrote part of the record.
DEMO_ACCOUNTS = _accounts(_ACCOUNTS["accounts"])
RECORD_ACCOUNTS = _accounts(_ACCOUNTS["record_accounts"])


def is_empty() -> bool:
    return db.session.scalar(select(Act.id).limit(1)) is None


def load_acts() -> dict[int, Act]:
    """The TEN ACTS, which everything in a workspace hangs on (a real installation too)."""
    return {
        row["number"]: _get_or_create(Act, {"number": row["number"]}, _act(row))
        for row in read_toml(__package__, "acts.toml")["acts"]
    }


def load_demo() -> list[tuple[str, str]]:
    """Load everything; return the demo accounts as (email, role)."""
    acts = load_acts()
    organizations = {
        row["name"]: _get_or_create(Organization, {"name": row["name"]}, _organization(row))
        for row in read_toml(__package__, "organizations.toml")["organizations"]
    }
    load_meeting(acts, organizations)
    for row in read_toml(__package__, "milestones.toml")["milestones"]:
        _get_or_create(Milestone, {"key": row["key"]}, _milestone(row))
    _load_accounts(organizations)
    load_governments()
    load_record()
    load_actions()
    db.session.commit()
    load_drafts()  # through the same service as the UI, so reflections carry forward
    load_positions()  # after the drafts: paragraphs are found in the draft of each round
    db.session.commit()
    return [(account.email, str(account.role)) for account in DEMO_ACCOUNTS]


def _get_or_create(model, lookup: dict[str, Any], values: dict[str, Any]):
    instance = db.session.scalar(select(model).filter_by(**lookup))
    if instance is None:
        instance = model(**lookup, **values)
        db.session.add(instance)
        db.session.flush()
    return instance


def _act(data: dict) -> dict[str, Any]:
    row, translations = split_translations(data)
    return {"title": row["title"], "summary": row["summary"], "translations": translations}


def _organization(data: dict) -> dict[str, Any]:
    row, translations = split_translations(data)
    return {
        "translations": translations,
        "acronym": row.get("acronym", ""),
        "region": row["region"],
        "kind": row["kind"],
        "signed_on": row.get("signed_on"),
    }


def _milestone(data: dict) -> dict[str, Any]:
    row, translations = split_translations(data)
    return {
        "translations": translations,
        "title": row["title"],
        "kind": row["kind"],
        "starts_on": row["starts_on"],
        "ends_on": row.get("ends_on"),
        "place": row.get("place", ""),
    }


def _load_accounts(organizations: dict[str, Organization]) -> None:
    """The accounts missing, each with the demo password."""
    existing = set(db.session.scalars(select(User.email)))
    for account in (*DEMO_ACCOUNTS, *RECORD_ACCOUNTS):
        if account.email in existing:
            continue
        organization = organizations.get(account.organization)
        db.session.add(
            User(
                email=account.email,
                name=account.name,
                role=account.role,
                organization_id=organization.id if organization else None,
                password_hash=hash_password(DEMO_PASSWORD),
            )
        )
    db.session.flush()
