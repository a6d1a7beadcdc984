"""Benchmark data for next-step actions: actions, their logs and notifications."""

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.bench.build import Build
from tracker.data.bench.rows import insert_plain as _insert_plain
from tracker.data.bench.rows import insert_rows as _insert
from tracker.records.accounts import User
from tracker.records.actions import Action, ActionUpdate
from tracker.records.agenda import Milestone
from tracker.records.notifications import Notification
from tracker.records.tables import TableOutcome

# Around the demo's today (20 March 2018): a third overdue, the rest due in the months after.
TODAY = date(2018, 3, 20)
STATUS_WEIGHTS = {"open": 40, "in_progress": 25, "blocked": 8, "done": 22, "dropped": 5}
PRIORITIES = ("high", "medium", "low")
DEMO_OWNERS = ("member@example.org", "rapporteur@example.org", "coordinator@example.org")
PATH = {
    "open": [],
    "in_progress": ["in_progress"],
    "blocked": ["in_progress", "blocked"],
    "done": ["in_progress", "done"],
    "dropped": ["dropped"],
}


def add_actions(build: Build) -> None:
    """`scale.actions` actions over every ACT, with `scale.action_updates` log lines in all
    (created, then status moves and comments) and `scale.notifications` notifications."""
    rng, prose, scale = build.rng, build.prose, build.scale
    if not scale.actions:
        return
    owners = build.users.get("member", []) + build.users.get("rapporteur", [])
    owners += list(
        db.session.scalars(select(User.id).where(User.email.in_(DEMO_OWNERS)).order_by(User.id))
    )
    demo_owners = owners[-len(DEMO_OWNERS) :]
    staff = build.users.get("coordinator", []) or owners
    milestones = list(db.session.scalars(select(Milestone.id).order_by(Milestone.starts_on)))
    outcomes: dict[int, list[int]] = {}
    for outcome_id, act_id in db.session.execute(select(TableOutcome.id, TableOutcome.act_id)):
        outcomes.setdefault(act_id, []).append(outcome_id)
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    rows: list[dict[str, Any]] = []
    moves: list[list] = []
    spans: list[int] = []
    for n in range(scale.actions):
        act_id = build.act_ids[n % len(build.act_ids)]
        status = rng.choices(statuses, weights)[0]
        language = prose.language()
        created = build.moment(TODAY - timedelta(days=rng.randrange(10, 110)))
        # Whole days between creation and today: every later log line falls within them.
        span = max(2, (TODAY - created.date()).days)
        offsets = sorted(rng.sample(range(1, span), len(PATH[status])))
        moved = [created + timedelta(days=days) for days in offsets]
        # Every 40th action goes to a demo account, so "My actions" has something real.
        owner = demo_owners[n % len(demo_owners)] if n % 40 == 0 else rng.choice(owners)
        source = rng.random()
        messages = build.messages_by_act.get(act_id) or []
        rows.append(
            {
                "act_id": act_id,
                "title": prose.title(language)[:200],
                "description": prose.paragraph(language, (1, 3)) if rng.random() < 0.6 else "",
                "owner_id": owner if rng.random() < 0.9 else None,
                "organization_id": rng.choice(build.organization_ids)
                if rng.random() < 0.5
                else None,
                "due_on": TODAY + timedelta(days=rng.randrange(-60, 120))
                if rng.random() < 0.9
                else None,
                "milestone_id": rng.choice(milestones)
                if milestones and rng.random() < 0.7
                else None,
                "priority": rng.choice(PRIORITIES),
                "status": status,
                "key_message_id": rng.choice(messages) if messages and source < 0.4 else None,
                "outcome_id": rng.choice(outcomes[act_id])
                if outcomes.get(act_id) and 0.4 <= source < 0.55
                else None,
                "created_by_id": rng.choice(staff),
                "visibility": "civil_society",
                "shared": rng.random() < 0.3,
                "version": 1 + len(PATH[status]),
                "created_at": created,
                "updated_at": created,
                "changed_at": moved[-1] if moved else created,
            }
        )
        moves.append(list(zip(PATH[status], moved, strict=True)))
        spans.append(span)
    for row in rows:
        if row["owner_id"] is None and row["organization_id"] is None:
            row["organization_id"] = rng.choice(build.organization_ids)
    shared = [bool(row.pop("shared")) for row in rows]
    ids = _insert(Action, rows)
    build.publish_later(Action, ids, shared)
    updates = []
    for action_id, row, path in zip(ids, rows, moves, strict=True):
        updates.append(
            {
                "action_id": action_id,
                "kind": "created",
                "actor_id": row["created_by_id"],
                "to_status": "open",
                "created_at": row["created_at"],
            }
        )
        previous = "open"
        for status, when in path:
            updates.append(
                {
                    "action_id": action_id,
                    "kind": "status",
                    "actor_id": row["owner_id"] or row["created_by_id"],
                    "from_status": previous,
                    "to_status": status,
                    "note": prose.sentence(prose.language()) if rng.random() < 0.6 else "",
                    "created_at": when,
                }
            )
            previous = status
    # Comments make up the rest of the log.
    while len(updates) < scale.action_updates:
        index = rng.randrange(len(ids))
        row = rows[index]
        updates.append(
            {
                "action_id": ids[index],
                "kind": "comment",
                "actor_id": rng.choice(owners),
                "note": prose.sentence(prose.language()),
                "created_at": row["created_at"]
                + timedelta(minutes=rng.randrange(60, spans[index] * 24 * 60)),
            }
        )
    _insert_plain(ActionUpdate, updates[: max(scale.action_updates, len(ids))])
    # Told to the owners, about their own actions, at some point before today.
    owned = [index for index, row in enumerate(rows) if row["owner_id"] is not None]
    notifications = []
    for _ in range(scale.notifications if owned else 0):
        index = rng.choice(owned)
        row = rows[index]
        told = row["created_at"] + timedelta(minutes=rng.randrange(spans[index] * 24 * 60))
        notifications.append(
            {
                "user_id": row["owner_id"],
                "kind": rng.choice(("assigned", "commented", "changed")),
                "action_id": ids[index],
                "actor_id": row["created_by_id"],
                "created_at": told,
                "read_at": told + timedelta(hours=rng.randrange(1, 48))
                if rng.random() < 0.7
                else None,
            }
        )
    _insert_plain(Notification, notifications)
