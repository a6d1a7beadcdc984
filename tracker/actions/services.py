"""One action: its page and log, creating and editing it, moving it along, commenting; the
notifications each change raises. (Lists of actions are in `tracker.actions.lists`.)"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import Select, select, update
from sqlalchemy.orm import joinedload

from tracker.core.conflicts import check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.core.labels import ACTION_PRIORITIES, ACTION_STATUSES
from tracker.core.models import utcnow
from tracker.records import policy, publishing
from tracker.records.accounts import Organization, User
from tracker.records.actions import (
    STAFF_TRANSITIONS,
    TRANSITIONS,
    Action,
    ActionPriority,
    ActionStatus,
    ActionUpdate,
    ActionUpdateKind,
)
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.events import action_changed, action_created
from tracker.records.notifications import NotificationKind
from tracker.records.policy import CIVIL_SOCIETY_ROLES, STAFF_ROLES
from tracker.records.reports import KeyMessage
from tracker.records.tables import TableOutcome


class TransitionRefusedError(Exception):
    """The status asked for is not a move this person may make from the current one."""


# Reading -------------------------------------------------------------------------------


def action_page(action_id: int) -> Select:
    return (
        select(Action)
        .where(Action.id == action_id)
        .options(
            joinedload(Action.act),
            joinedload(Action.owner),
            joinedload(Action.organization),
            joinedload(Action.milestone),
            joinedload(Action.key_message),
            joinedload(Action.outcome).joinedload(TableOutcome.session),
            joinedload(Action.created_by),
        )
    )


def log_of(action: Action) -> Select:
    return (
        select(ActionUpdate)
        .where(ActionUpdate.action_id == action.id)
        .options(joinedload(ActionUpdate.actor))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
    )


def owner_candidates() -> Select:
    """Who may own an action: active civil-society people (observers never do)."""
    return (
        select(User)
        .where(User.active.is_(True), User.role.in_([role.value for role in CIVIL_SOCIETY_ROLES]))
        .order_by(User.name)
    )


def _tell(recipients, kind: NotificationKind, action: Action, actor: User, to_status=None):
    """Tell whoever listens (the notifications) who should hear of this change."""
    action_changed.send(
        action, kind=kind, actor=actor, recipients=set(recipients), to_status=to_status
    )


def people_to_tell(action: Action) -> set[int]:
    """The owner and the coordinator who created the action."""
    return {user_id for user_id in (action.owner_id, action.created_by_id) if user_id}


def organizations() -> Select:
    return select(Organization).order_by(Organization.name)


# Changing ------------------------------------------------------------------------------


@dataclass
class ActionFields:
    """What a coordinator sets on an action."""

    title: str
    description: str
    act: Act
    owner: User | None
    organization: Organization | None
    due_on: date | None
    milestone: Milestone | None
    priority: str

    def describe(self) -> dict[str, str]:
        return {
            _("Title"): self.title,
            _("Description"): self.description,
            _("ACT"): self.act.label,
            _("Owner"): self.owner.name if self.owner else "",
            _("Organisation"): self.organization.display_name if self.organization else "",
            _("Due date"): format_date(self.due_on, "medium") if self.due_on else "",
            _("Milestone"): self.milestone.translated("title") if self.milestone else "",
            _("Priority"): str(ACTION_PRIORITIES[self.priority]),
        }

    @classmethod
    def of(cls, action: Action) -> "ActionFields":
        return cls(
            title=action.title,
            description=action.description,
            act=action.act,
            owner=action.owner,
            organization=action.organization,
            due_on=action.due_on,
            milestone=action.milestone,
            priority=str(action.priority),
        )


def _log(action: Action, kind: ActionUpdateKind, actor: User, **values) -> ActionUpdate:
    entry = ActionUpdate(action=action, kind=kind, actor_id=actor.id, **values)
    db.session.add(entry)
    return entry


def _apply(action: Action, fields: ActionFields) -> None:
    action.title = fields.title.strip()
    action.description = fields.description.strip()
    action.act = fields.act
    action.owner = fields.owner
    action.organization = fields.organization
    action.due_on = fields.due_on
    action.milestone = fields.milestone
    action.priority = ActionPriority(fields.priority)


def create_action(
    fields: ActionFields,
    actor: User,
    key_message: KeyMessage | None = None,
    outcome: TableOutcome | None = None,
    share: bool = False,
) -> Action:
    """A new action, civil society only unless the coordinator shares it at once."""
    action = Action(created_by_id=actor.id, key_message=key_message, outcome=outcome)
    _apply(action, fields)
    action.changed_at = utcnow()
    db.session.add(action)
    _log(action, ActionUpdateKind.CREATED, actor, to_status=ActionStatus.OPEN)
    db.session.flush()
    if share:
        publish_action(action, actor)
    if action.owner_id:
        _tell([action.owner_id], NotificationKind.ASSIGNED, action, actor)
    action_created.send(action, actor=actor)
    db.session.commit()
    return action


def publish_action(action: Action, actor: User) -> None:
    """Governments read the action's title and description as they stand (and follow its
    status, never its comments or progress notes); the caller commits."""
    publishing.publish(action, actor, action.title)


def withdraw_action(action: Action, actor: User) -> None:
    publishing.withdraw(action, actor, action.title)


def edit_action(
    action: Action, fields: ActionFields, version, actor: User, share: bool = False
) -> bool:
    """Save a coordinator's edit, and with `share` let governments read this version; False
    when nothing changed. Raises EditConflictError."""
    check_version(action, version)
    before = ActionFields.of(action).describe()
    previous_owner_id = action.owner_id
    after = fields.describe()
    changed = [
        f"{label}: {before[label] or '—'} → {after[label] or '—'}"
        for label in before
        if before[label] != after[label] and label != _("Description")
    ]
    if before[_("Description")] != after[_("Description")]:
        changed.append(_("Description changed"))
    if not changed:
        if share:
            publish_action(action, actor)
            db.session.commit()
        return False
    reassigned = (fields.owner.id if fields.owner else None) != previous_owner_id
    _apply(action, fields)
    action.changed_at = utcnow()
    _log(
        action,
        ActionUpdateKind.ASSIGNED if reassigned else ActionUpdateKind.EDITED,
        actor,
        changes="\n".join(changed),
    )
    db.session.flush()
    if share:
        publish_action(action, actor)
    # The actor is never told of their own change.
    if reassigned:
        if action.owner_id:
            _tell([action.owner_id], NotificationKind.ASSIGNED, action, actor)
        if previous_owner_id:
            _tell([previous_owner_id], NotificationKind.UNASSIGNED, action, actor)
    elif action.owner_id:
        _tell([action.owner_id], NotificationKind.CHANGED, action, actor)
    commit_or_conflict(action)
    return True


def next_statuses(action: Action, staff: bool) -> list[ActionStatus]:
    allowed = set(TRANSITIONS[action.status])
    if staff:
        allowed |= STAFF_TRANSITIONS[action.status]
    return [status for status in ActionStatus if status in allowed]


def moves_for(actor: User) -> Callable[[Action], list[ActionStatus]]:
    """For the board and My actions: the statuses `actor` may move each action to (none for
    an action they may not update)."""
    staff = actor.role in STAFF_ROLES

    def moves(action: Action) -> list[ActionStatus]:
        if not policy.may(actor, "update_action", action):
            return []
        return [s for s in next_statuses(action, staff) if staff or s != ActionStatus.DROPPED]

    return moves


def change_status(action: Action, to: str, note: str, version, actor: User) -> None:
    """Move the action along, with an optional progress note. Raises TransitionRefusedError or
    EditConflictError; the owner and the coordinator who created it are told (not the mover)."""
    staff = actor.role in STAFF_ROLES
    try:
        target = ActionStatus(to)
    except ValueError:
        raise TransitionRefusedError(to) from None
    if target not in next_statuses(action, staff):
        raise TransitionRefusedError(to)
    check_version(action, version)
    previous = action.status
    action.status = target
    action.changed_at = utcnow()
    _log(
        action,
        ActionUpdateKind.STATUS,
        actor,
        from_status=previous,
        to_status=target,
        note=note.strip(),
    )
    db.session.flush()
    _tell(people_to_tell(action), NotificationKind.STATUS, action, actor, to_status=target)
    commit_or_conflict(action)


def add_comment(action: Action, body: str, actor: User) -> ActionUpdate:
    entry = _log(action, ActionUpdateKind.COMMENT, actor, note=body.strip())
    # A comment counts as a change for sorting, without touching the version being edited.
    db.session.execute(
        update(Action).where(Action.id == action.id).values(changed_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    db.session.flush()
    _tell(people_to_tell(action), NotificationKind.COMMENTED, action, actor)
    db.session.commit()
    return entry


# Describing ----------------------------------------------------------------------------


def status_label(status) -> str:
    return str(ACTION_STATUSES[str(status)])
