"""A small load test that is a correctness test: several processes write notes and actions
at once through the real server (gunicorn, 2 workers, CSRF on) against the suite's database
(a SQLite file, or PostgreSQL with TEST_DATABASE_URL); no write may be lost, none may fail."""

import multiprocessing
import re

from sqlalchemy import func, select

from tests import factories
from tests.core.live_server import Browser, live_server
from tracker.core.extensions import db
from tracker.records.actions import ActionUpdate
from tracker.records.notes import Note, NoteRevision

WRITERS = 4
WRITES_EACH = 15  # one new note, then edits of it


def write_notes(job: tuple) -> list[tuple[str, int, str]]:
    """In its own process: sign in, create a note, edit it; between edits, comment on the
    shared action and move one's own along. Every write's (what, status, problem)."""
    port, email, session_id, act_id, shared_action, own_action = job
    browser = Browser(port)
    browser.sign_in(email, factories.PASSWORD)
    outcomes = []
    path = f"/sessions/{session_id}/notes/new"
    form = {"csrf_token": browser.get(path).csrf_token(), "act_id": act_id}
    response = browser.post(path, {**form, "title": f"Notes of {email}", "body": "Save 1"})
    outcomes.append(("create", response.status, _problem(response.text)))
    match = re.search(r"/notes/(\d+)", response.headers.get("Location", ""))
    if match is None:
        return outcomes
    note_id = match.group(1)
    for number in range(2, WRITES_EACH + 1):
        page = browser.get(f"/notes/{note_id}/edit")
        fields = {"csrf_token": page.csrf_token(), "version": page.hidden("version")}
        body = f"Save {number}\n\n" + "A priority we heard in the room. " * number
        response = browser.post(
            f"/notes/{note_id}/edit", {**fields, "title": f"Notes of {email}", "body": body}
        )
        outcomes.append(("edit", response.status, _problem(response.text)))
        browser.get(f"/notes/{note_id}")  # follow the redirect, as a browser would
        outcomes += act_on_actions(browser, email, number, shared_action, own_action)
    return outcomes


def act_on_actions(browser, email: str, number: int, shared: int, own: int) -> list:
    page = browser.get(f"/actions/{shared}")
    response = browser.post(
        f"/actions/{shared}/comments",
        {"csrf_token": page.csrf_token(), "body": f"Comment {number} from {email}"},
    )
    outcomes = [("comment", response.status, _problem(response.text))]
    page = browser.get(f"/actions/{own}")
    status = "in_progress" if number % 2 == 0 else "open"
    response = browser.post(
        f"/actions/{own}/status",
        {
            "csrf_token": page.csrf_token(),
            "version": page.hidden("version"),
            "status": status,
            "note": f"Move {number}",
        },
    )
    outcomes.append(("status", response.status, _problem(response.text)))
    return outcomes


def _problem(text: str) -> str:
    return "database is locked" if "database is locked" in text else ""


def test_concurrent_note_writes_are_all_kept(app):
    act = factories.ActFactory()
    item = factories.MeetingSessionFactory(kind="group_session", audience="civil_society")
    item.acts.append(act)
    writers = [factories.UserFactory(role="member") for _ in range(WRITERS)]
    shared = factories.ActionFactory(act=act, owner=factories.UserFactory(role="member"))
    own = [factories.ActionFactory(act=act, owner=writer) for writer in writers]
    db.session.commit()
    url = db.engine.url.render_as_string(hide_password=False)

    with live_server(url) as server:
        jobs = [
            (server.port, user.email, item.id, act.id, shared.id, action.id)
            for user, action in zip(writers, own, strict=True)
        ]
        with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
            results = pool.map(write_notes, jobs)
        log = server.log

    writes = [outcome for result in results for outcome in result]
    moves = (WRITES_EACH - 1) * WRITERS  # a comment and a status move after each edit
    assert len(writes) == WRITERS * WRITES_EACH + 2 * moves
    assert all(status == 302 for _what, status, _problem in writes), writes
    assert not any(problem for *_rest, problem in writes)
    assert "database is locked" not in log
    assert "Traceback" not in log

    db.session.rollback()  # end the snapshot read before the writers ran
    notes = db.session.scalars(select(Note).where(Note.session_id == item.id)).all()
    assert len(notes) == WRITERS
    assert all(note.revision_count == WRITES_EACH for note in notes)
    assert all(note.body.startswith(f"Save {WRITES_EACH}") for note in notes)
    revisions = db.session.scalar(select(func.count()).select_from(NoteRevision))
    assert revisions == WRITERS * WRITES_EACH
    comments = db.session.scalar(
        select(func.count())
        .select_from(ActionUpdate)
        .where(ActionUpdate.action_id == shared.id, ActionUpdate.kind == "comment")
    )
    assert comments == moves
    for action in own:
        lines = db.session.scalar(
            select(func.count())
            .select_from(ActionUpdate)
            .where(ActionUpdate.action_id == action.id, ActionUpdate.kind == "status")
        )
        assert lines == WRITES_EACH - 1
        db.session.refresh(action)
        assert action.version == WRITES_EACH
        assert str(action.status) == "open"
