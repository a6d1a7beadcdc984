"""Queries for account management."""

from sqlalchemy import Select, select

from tracker.records.accounts import Organization, User
from tracker.records.policy import Role


def users_in_order() -> Select:
    return select(User).order_by(User.active.desc(), User.name)


def organizations_in_order() -> Select:
    return select(Organization).order_by(Organization.name)


def roles_given_by(may_give) -> list[Role]:
    return [role for role in Role if may_give(role)]
