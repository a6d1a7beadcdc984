"""The benchmark's data generator: deterministic, mixed visibility, and pages whose query
count does not grow with the data."""

from dataclasses import fields, replace
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import empty_tables
from tracker.core.extensions import db
from tracker.data.bench import SCALES, BenchDataExistsError, generate
from tracker.data.demo.actions import ACTIONS as DEMO_ACTIONS
from tracker.records.accounts import User
from tracker.records.actions import Action, ActionUpdate
from tracker.records.base import Visibility
from tracker.records.notes import Note, NoteRevision
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import Stance, TableOutcome

SMALL = SCALES["small"]
# Three times the small scale's records and people (the meeting count stays).
BIGGER = replace(
    SMALL, **{f.name: getattr(SMALL, f.name) * 3 for f in fields(SMALL) if f.name != "meetings"}
)


def first_and_last_rows() -> dict[str, list[tuple]]:
    def rows(*columns, order_by):
        # The first rows are the demo's; the last ones are generated.
        first = select(*columns).order_by(order_by).limit(5)
        last = select(*columns).order_by(order_by.desc()).limit(5)
        return [tuple(row) for query in (first, last) for row in db.session.execute(query)]

    return {
        "users": rows(User.email, User.name, User.role, order_by=User.id),
        "notes": rows(Note.title, Note.body, Note.visibility, order_by=Note.id),
        "revisions": rows(NoteRevision.number, NoteRevision.body, order_by=NoteRevision.id),
        "messages": rows(KeyMessage.text, KeyMessage.rank, order_by=KeyMessage.id),
        "stances": rows(Stance.position, Stance.note, order_by=Stance.id),
        "actions": rows(Action.title, Action.status, Action.due_on, order_by=Action.id),
        "log": rows(ActionUpdate.kind, ActionUpdate.note, order_by=ActionUpdate.id),
    }


def test_the_same_seed_gives_the_same_data(app_context):
    counts = generate("small", seed=7)
    rows = first_and_last_rows()
    empty_tables()
    assert generate("small", seed=7) == counts
    assert first_and_last_rows() == rows
    assert counts["note_revision"] >= SMALL.revisions
    assert counts["stance"] >= SMALL.stances
    # The demo's actions (a "created" line each, a status line unless still open), then ours.
    demo_log = len(DEMO_ACTIONS) + sum(row[7] != "open" for row in DEMO_ACTIONS)
    assert counts["action"] == len(DEMO_ACTIONS) + SMALL.actions
    assert counts["action_update"] == demo_log + SMALL.action_updates
    assert counts["notification"] == SMALL.notifications


def test_another_seed_gives_other_data(app_context):
    generate("small", seed=1)
    rows = first_and_last_rows()
    empty_tables()
    generate("small", seed=2)
    assert first_and_last_rows()["notes"] != rows["notes"]


def test_records_are_both_shared_and_civil_society_only(app_context):
    generate("small")
    for model in (Note, Report, KeyMessage, TableOutcome, Action):
        visibilities = set(db.session.scalars(select(model.visibility).distinct()))
        assert visibilities == {Visibility.SHARED, Visibility.CIVIL_SOCIETY}, model


def test_generating_twice_is_refused(app_context):
    generate("small")
    with pytest.raises(BenchDataExistsError):
        generate("small")


def test_the_command_prints_the_counts(app):
    result = app.test_cli_runner().invoke(args=["bench-data", "--scale", "small", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "note_revision" in result.output


def _queries(client, count_queries, role: str, path: str) -> int:
    user = db.session.scalar(select(User).where(User.email == f"{role}@example.org"))
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
        session["_fresh"] = True
    with count_queries() as counter:
        response = client.get(path)
    assert response.status_code == 200, path
    return counter.count


@pytest.mark.parametrize("role", ["member", "observer"])
@pytest.mark.parametrize(
    "path", ["/dashboard", "/acts/3", "/agenda", "/actions", "/actions/mine", "/actions/board"]
)
def test_pages_run_as_many_queries_on_more_data(app_context, client, count_queries, role, path):
    generate(SMALL)
    small = _queries(client, count_queries, role, path)
    empty_tables()
    generate(BIGGER)
    assert _queries(client, count_queries, role, path) == small


def test_actions_cover_every_status_and_the_demo_accounts_own_some(app_context):
    generate("small")
    statuses = set(db.session.scalars(select(Action.status).distinct()))
    assert statuses == {"open", "in_progress", "blocked", "done", "dropped"}
    member = db.session.scalar(select(User.id).where(User.email == "member@example.org"))
    owned = db.session.scalars(select(Action.id).where(Action.owner_id == member)).all()
    assert len(owned) >= 2


def test_action_logs_end_before_today_and_match_the_last_change(app_context):
    generate("small")
    last = db.session.scalar(select(func.max(ActionUpdate.created_at)))
    assert last.date() <= date(2018, 3, 20)
    last_move = (
        select(func.max(ActionUpdate.created_at))
        .where(ActionUpdate.action_id == Action.id, ActionUpdate.kind != "comment")
        .scalar_subquery()
    )
    stale = db.session.scalar(
        select(func.count()).select_from(Action).where(Action.changed_at != last_move)
    )
    assert stale == 0
