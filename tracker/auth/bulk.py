"""Invitations in bulk: people from a CSV or XLSX file, checked line by line, then invited
all together in one transaction (their mails sent once it is saved), or none."""

from collections.abc import Callable
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.auth.services import InvitationLink, add_invitation, deliver_queued
from tracker.core.extensions import db
from tracker.core.spreadsheets import LineError, Row, UnreadableFileError, read_table
from tracker.records.accounts import Organization, User
from tracker.records.policy import Role

PEOPLE_HEADER = ("email", "name", "role", "organization")


@dataclass(frozen=True)
class PersonPlan:
    line: int
    email: str
    name: str
    role: Role
    organization: Organization | None


@dataclass
class PeoplePlan:
    people: list[PersonPlan] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


def plan_invitations(filename: str, content: bytes, may_give: Callable[[Role], bool]) -> PeoplePlan:
    try:
        rows = read_table(filename, content, PEOPLE_HEADER, ("email", "name"))
    except UnreadableFileError as error:
        return PeoplePlan(errors=error.errors)
    plan = PeoplePlan()
    if not rows:
        plan.errors.append(LineError(1, _("The file has no one to invite.")))
    taken = set(db.session.scalars(select(func.lower(User.email))))
    organizations: dict[str, Organization] = {}
    for organization in db.session.scalars(select(Organization)):
        organizations[organization.name.lower()] = organization
        if organization.acronym:
            organizations.setdefault(organization.acronym.lower(), organization)
    for row in rows:
        try:
            person = _person(row, taken, organizations, may_give)
        except ValueError as error:
            plan.errors.append(LineError(row.line, str(error)))
            continue
        taken.add(person.email)
        plan.people.append(person)
    return plan


def _person(
    row: Row,
    taken: set[str],
    organizations: dict[str, Organization],
    may_give: Callable[[Role], bool],
) -> PersonPlan:
    try:
        email = validate_email(row.get("email"), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise ValueError(
            _("“%(email)s” is not an email address.", email=row.get("email"))
        ) from None
    if email in taken:
        raise ValueError(_("%(email)s already has an account.", email=email))
    name = row.get("name")
    if not name or len(name) > 120:
        raise ValueError(_("Each person needs a name of at most 120 characters."))
    try:
        role = Role((row.get("role") or Role.MEMBER.value).lower())
    except ValueError:
        raise ValueError(_("“%(role)s” is not a role.", role=row.get("role"))) from None
    if not may_give(role):
        raise ValueError(_("You may not give the role “%(role)s”.", role=str(role)))
    wanted = row.get("organization")
    organization = organizations.get(wanted.lower()) if wanted else None
    if wanted and organization is None:
        raise ValueError(
            _("There is no organisation “%(name)s” in the workspace: add it first.", name=wanted)
        )
    return PersonPlan(row.line, email, name, role, organization)


def invite_many(inviter: User, plan: PeoplePlan) -> list[InvitationLink]:
    if plan.errors:
        raise ValueError("a plan with errors is never saved")
    links = []
    for person in plan.people:
        user = User(
            email=person.email,
            name=person.name,
            role=person.role,
            organization_id=person.organization.id if person.organization else None,
            active=True,
        )
        db.session.add(user)
        db.session.flush()
        links.append(add_invitation(inviter, user, deliver_now=False))
    db.session.commit()
    for link in links:
        if link.message_id is not None:
            deliver_queued(link.message_id)
    return links
