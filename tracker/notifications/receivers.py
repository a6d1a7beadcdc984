"""Who is told of what: the receivers of the workspace's signals (tracker.records.events).

- a report submitted or withdrawn: the coordinators; returned, accepted or reopened: its
  rapporteur (with the reviewer's comment); in every case the ACT's followers;
- a draft's alerts: the followers of the ask and of its ACT; for an ask weakened or
  strengthened, also the coordinators and the owners of the ask's open actions (a draft
  added by someone in the app; one loaded by a command tells nobody);
- a new action: the followers of its ACT and of its key message;
- a government's position: the followers of its ACT and of its key message.
"""

from collections.abc import Iterable

from sqlalchemy import or_, select

from tracker.core.extensions import db
from tracker.notifications.services import Notice, tell
from tracker.records.accounts import User
from tracker.records.actions import Action, ActionStatus
from tracker.records.alerts import Alert, AlertKind, Follow
from tracker.records.notifications import NotificationKind
from tracker.records.policy import Role
from tracker.records.reports import Report

OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)

REPORT_KINDS = {
    "submit": NotificationKind.REPORT_SUBMITTED,
    "return": NotificationKind.REPORT_RETURNED,
    "accept": NotificationKind.REPORT_ACCEPTED,
    "recall": NotificationKind.REPORT_RECALLED,
    "reopen": NotificationKind.REPORT_REOPENED,
}
TO_COORDINATORS = frozenset({"submit", "recall"})

ALERT_KINDS = {
    AlertKind.WEAKENED: NotificationKind.ASK_WEAKENED,
    AlertKind.STRENGTHENED: NotificationKind.ASK_STRENGTHENED,
    AlertKind.CHANGED: NotificationKind.ASK_CHANGED,
}


class Followers:
    """Who follows which ACTs and key messages, read in one query."""

    def __init__(self, act_ids: Iterable[int | None], message_ids: Iterable[int | None]):
        acts = sorted({i for i in act_ids if i is not None})
        messages = sorted({i for i in message_ids if i is not None})
        self.of_act: dict[int, set[int]] = {}
        self.of_message: dict[int, set[int]] = {}
        if not acts and not messages:
            return
        rows = db.session.execute(
            select(Follow.user_id, Follow.act_id, Follow.key_message_id).where(
                or_(Follow.act_id.in_(acts), Follow.key_message_id.in_(messages))
            )
        )
        for user_id, act_id, message_id in rows:
            if act_id is not None:
                self.of_act.setdefault(act_id, set()).add(user_id)
            if message_id is not None:
                self.of_message.setdefault(message_id, set()).add(user_id)

    def of(self, act_id: int | None, message_id: int | None = None) -> set[int]:
        found = set(self.of_act.get(act_id, set())) if act_id is not None else set()
        if message_id is not None:
            found |= self.of_message.get(message_id, set())
        return found


def coordinators() -> set[int]:
    return set(
        db.session.scalars(
            select(User.id).where(User.role == Role.COORDINATOR, User.active.is_(True))
        )
    )


def open_action_owners(message_ids: Iterable[int]) -> dict[int, set[int]]:
    """{key message id: owners of its open actions}, in one query."""
    owners: dict[int, set[int]] = {}
    rows = db.session.execute(
        select(Action.key_message_id, Action.owner_id).where(
            Action.key_message_id.in_(sorted(set(message_ids))),
            Action.owner_id.is_not(None),
            Action.status.in_(OPEN_STATUSES),
        )
    )
    for message_id, owner_id in rows:
        if message_id is not None and owner_id is not None:
            owners.setdefault(message_id, set()).add(owner_id)
    return owners


def on_report_changed(report: Report, step: str, actor: User, comment: str = "", **_extra):
    if step not in REPORT_KINDS:
        return
    people = coordinators() if step in TO_COORDINATORS else set()
    if step not in TO_COORDINATORS and report.rapporteur_id:
        people.add(report.rapporteur_id)
    people |= Followers([report.act_id], []).of(report.act_id)
    tell([Notice(people, REPORT_KINDS[step], {"report": report, "detail": comment})], actor)


def on_alerts_raised(draft, alerts: list[Alert], actor: User | None = None, **_extra):
    if actor is None:
        return  # a draft loaded by a command (the demo's) keeps its alerts but tells nobody
    messages = {alert.key_message_id: alert.key_message for alert in alerts}
    followers = Followers([m.act_id for m in messages.values()], messages)
    flagged = [a.key_message_id for a in alerts if a.kind != AlertKind.CHANGED]
    owners = open_action_owners(flagged) if flagged else {}
    staff = coordinators() if flagged else set()
    notices = []
    for alert in alerts:
        message = messages[alert.key_message_id]
        people = followers.of(message.act_id, message.id)
        if alert.kind != AlertKind.CHANGED:
            people |= staff | owners.get(message.id, set())
        notices.append(Notice(people, ALERT_KINDS[alert.kind], {"alert": alert}))
    tell(notices, actor)


def on_action_created(action: Action, actor: User, **_extra):
    people = Followers([action.act_id], [action.key_message_id]).of(
        action.act_id, action.key_message_id
    )
    people.discard(action.owner_id)  # the owner is told it was assigned to them
    tell([Notice(people, NotificationKind.ACTION_CREATED, {"action": action})], actor)


def on_position_recorded(
    position, actor: User, act_id: int, key_message_id: int | None = None, summary: str = "", **_x
):
    people = Followers([act_id], [key_message_id]).of(act_id, key_message_id)
    about = {"act_id": act_id, "key_message_id": key_message_id, "detail": summary}
    tell([Notice(people, NotificationKind.POSITION, about)], actor)
