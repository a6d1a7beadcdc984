"""Load the demo's next-step actions (actions.toml) with their logs.

An action is found by its title, so loading twice changes nothing. Actions shared with
governments are published as they are created.
"""

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.files import read_toml
from tracker.records.accounts import Organization, User
from tracker.records.actions import Action, ActionStatus, ActionUpdate, ActionUpdateKind
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.base import Visibility
from tracker.records.publishing import publish_new
from tracker.records.reports import KeyMessage
from tracker.records.tables import TableOutcome

# The first action is created then, each next one 3 days later; an action no longer open
# was moved 20 days after it was created.
LOG_START = datetime(2017, 12, 8, 10, 0, tzinfo=UTC)
BETWEEN_ACTIONS = timedelta(days=3)
UNTIL_MOVED = timedelta(days=20)


class DemoAction(NamedTuple):
    act: int
    title: str
    owner: str | None  # email
    organization: str | None  # name
    due: date
    milestone: str  # key
    priority: str
    status: str
    visibility: str
    source: str | None  # "message" | "outcome"
    note: str  # the note of the move to its status


def _read() -> tuple[str, tuple[DemoAction, ...]]:
    data = read_toml(__package__, "actions.toml")
    defaults = {"owner": None, "organization": None, "source": None, "note": ""}
    try:
        actions = tuple(DemoAction(**{**defaults, **row}) for row in data["actions"])
    except TypeError as error:  # a key left out or misspelt
        raise ValueError(f"actions.toml: {error}") from error
    return data["created_by"], actions


CREATED_BY, ACTIONS = _read()


def load_actions() -> None:
    existing = set(db.session.scalars(select(Action.title)))
    if all(row.title in existing for row in ACTIONS):
        return
    acts = {act.number: act for act in db.session.scalars(select(Act))}
    users = {user.email: user for user in db.session.scalars(select(User))}
    organizations = {org.name: org for org in db.session.scalars(select(Organization))}
    milestones = {m.key: m for m in db.session.scalars(select(Milestone))}
    messages: dict[int, KeyMessage] = {}
    for message in db.session.scalars(
        select(KeyMessage).where(KeyMessage.merged_into_id.is_(None)).order_by(KeyMessage.rank)
    ):
        messages.setdefault(message.act_id, message)
    outcomes = {o.act_id: o for o in db.session.scalars(select(TableOutcome))}
    coordinator = users[CREATED_BY]
    for index, row in enumerate(ACTIONS):
        if row.title in existing:
            continue
        act = acts[row.act]
        created = LOG_START + index * BETWEEN_ACTIONS
        action = Action(
            act=act,
            title=row.title,
            description="",
            owner=users.get(row.owner) if row.owner else None,
            organization=organizations.get(row.organization) if row.organization else None,
            due_on=row.due,
            milestone=milestones.get(row.milestone),
            priority=row.priority,
            status=row.status,
            key_message=messages.get(act.id) if row.source == "message" else None,
            outcome=outcomes.get(act.id) if row.source == "outcome" else None,
            created_by_id=coordinator.id,
            created_at=created,
            changed_at=created + UNTIL_MOVED if row.status != "open" else created,
        )
        if Visibility(row.visibility) == Visibility.SHARED:
            publish_new(action, coordinator, created)
        db.session.add(action)
        _log(action, row, coordinator, created)
    db.session.flush()


def _log(action: Action, row: DemoAction, coordinator: User, created: datetime) -> None:
    """Its creation, then its move to its status unless it is still open."""
    db.session.add(
        ActionUpdate(
            action=action,
            kind=ActionUpdateKind.CREATED,
            actor_id=coordinator.id,
            to_status=ActionStatus.OPEN,
            created_at=created,
        )
    )
    if row.status == "open":
        return
    mover = coordinator if row.status == "dropped" else (action.owner or coordinator)
    db.session.add(
        ActionUpdate(
            action=action,
            kind=ActionUpdateKind.STATUS,
            actor_id=mover.id,
            from_status=ActionStatus.OPEN,
            to_status=ActionStatus(row.status),
            note=row.note,
            created_at=created + UNTIL_MOVED,
        )
    )
