"""The road to adoption and the organisations: edited by coordinators, imported from a file."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from tracker.core.conflicts import check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.core.spreadsheets import LineError, Row, UnreadableFileError, read_table
from tracker.records.accounts import Organization, OrganizationKind, User
from tracker.records.actions import Action
from tracker.records.agenda import Milestone

ORGANIZATION_HEADER = ("name", "acronym", "region", "kind", "signed_on")
KINDS = frozenset(kind.value for kind in OrganizationKind)


@dataclass(frozen=True)
class MilestoneFields:
    title: str
    kind: str
    starts_on: date
    ends_on: date | None
    place: str


def create_milestone(fields: MilestoneFields) -> Milestone:
    base = "-".join(fields.title.lower().split())[:60] or "milestone"
    key = f"{base}-{fields.starts_on.isoformat()}"
    taken = set(db.session.scalars(select(Milestone.key).where(Milestone.key.like(f"{key}%"))))
    number = 1
    while key in taken:
        number += 1
        key = f"{base}-{fields.starts_on.isoformat()}-{number}"
    milestone = Milestone(key=key)
    _set(milestone, fields.__dict__)
    db.session.add(milestone)
    db.session.commit()
    return milestone


def edit_milestone(milestone: Milestone, fields: MilestoneFields, version) -> None:
    check_version(milestone, version)
    _set(milestone, fields.__dict__)
    commit_or_conflict(milestone)


@dataclass(frozen=True)
class OrganizationFields:
    name: str
    acronym: str
    region: str
    kind: str
    signed_on: date | None


def name_taken(name: str, organization: Organization | None = None) -> bool:
    query = select(Organization.id).where(func.lower(Organization.name) == name.lower())
    if organization is not None:
        query = query.where(Organization.id != organization.id)
    return db.session.scalar(query.limit(1)) is not None


def create_organization(fields: OrganizationFields) -> Organization:
    organization = Organization()
    _set(organization, fields.__dict__)
    db.session.add(organization)
    db.session.commit()
    return organization


def edit_organization(organization: Organization, fields: OrganizationFields, version) -> None:
    check_version(organization, version)
    _set(organization, fields.__dict__)
    commit_or_conflict(organization)


def _set(record, values: dict) -> None:
    for name, value in values.items():
        setattr(record, name, value)


def organizations_in_order() -> Select:
    return select(Organization).order_by(Organization.name)


def people_of(organization: Organization) -> Select:
    return select(User).where(User.organization_id == organization.id).order_by(User.name)


def actions_of(organization: Organization) -> Select:
    """Actions the organisation owns, or one of its people does (as the reader may see them)."""
    people = select(User.id).where(User.organization_id == organization.id)
    return (
        select(Action)
        .where(or_(Action.organization_id == organization.id, Action.owner_id.in_(people)))
        .options(joinedload(Action.act), joinedload(Action.owner))
        .order_by(Action.due_on.is_(None), Action.due_on, Action.id)
    )


# Importing organisations ----------------------------------------------------------------


@dataclass
class OrganizationsPlan:
    organizations: list[tuple[int, OrganizationFields]] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


def plan_organizations(filename: str, content: bytes) -> OrganizationsPlan:
    try:
        rows = read_table(filename, content, ORGANIZATION_HEADER, ("name",))
    except UnreadableFileError as error:
        return OrganizationsPlan(errors=error.errors)
    plan = OrganizationsPlan()
    if not rows:
        plan.errors.append(LineError(1, _("The file has no organisation.")))
    known = {name.lower() for name in db.session.scalars(select(Organization.name))}
    for row in rows:
        try:
            fields = _organization(row, known)
        except ValueError as error:
            plan.errors.append(LineError(row.line, str(error)))
            continue
        known.add(fields.name.lower())
        plan.organizations.append((row.line, fields))
    return plan


def _organization(row: Row, known: set[str]) -> OrganizationFields:
    name = row.get("name")
    if not name or len(name) > 200:
        raise ValueError(_("Each organisation needs a name of at most 200 characters."))
    if name.lower() in known:
        raise ValueError(_("“%(name)s” is already in the workspace.", name=name))
    kind = (row.get("kind") or OrganizationKind.NGO.value).lower()
    if kind not in KINDS:
        raise ValueError(
            _(
                "“%(kind)s” is not a kind of organisation (%(kinds)s).",
                kind=kind,
                kinds=", ".join(sorted(KINDS)),
            )
        )
    signed = row.get("signed_on")
    try:
        signed_on = date.fromisoformat(signed) if signed else None
    except ValueError:
        raise ValueError(_("“%(value)s” is not a date (write 2017-12-02).", value=signed)) from None
    return OrganizationFields(
        name=name,
        acronym=row.get("acronym")[:40],
        region=row.get("region")[:80],
        kind=kind,
        signed_on=signed_on,
    )


def apply_organizations(plan: OrganizationsPlan) -> int:
    if plan.errors:
        raise ValueError("a plan with errors is never saved")
    for _line, fields in plan.organizations:
        organization = Organization()
        _set(organization, fields.__dict__)
        db.session.add(organization)
    db.session.commit()
    return len(plan.organizations)
