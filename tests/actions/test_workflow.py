"""Creating, editing, moving along and commenting an action; the log and notifications."""

from datetime import date

from sqlalchemy import func, select

from tests import factories
from tracker.core.mail import OutboxMessage
from tracker.records.accounts import User
from tracker.records.actions import Action, ActionUpdate
from tracker.records.notifications import Notification


def _form(act, owner=None, **overrides) -> dict:
    data = {
        "title": "Brief the co-facilitators on firewalls",
        "description": "Two paragraphs of **text**.",
        "act_id": str(act.id),
        "owner_id": str(owner.id) if owner else "0",
        "organization_id": "0",
        "milestone_id": "0",
        "due_on": "2018-04-02",
        "priority": "high",
        "visibility": "civil_society",
    }
    data.update(overrides)
    return data


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _unread(db, user) -> int:
    db.session.expire_all()
    return db.session.get(User, user.id).unread_notifications


def test_coordinator_creates_an_action_from_a_key_message(client, login_as, db):
    coordinator = login_as("coordinator")
    member = factories.UserFactory(role="member", name="Mona Member")
    message = factories.KeyMessageFactory(text="End child immigration detention.")
    milestone = factories.MilestoneFactory(title="Negotiation round 3")
    form = client.get(f"/actions/new?key_message={message.id}").get_data(as_text=True)
    assert "End child immigration detention." in form

    response = client.post(
        f"/actions/new?key_message={message.id}",
        data=_form(message.act, member, milestone_id=str(milestone.id)),
    )
    assert response.status_code == 302
    action = db.session.scalars(select(Action)).one()
    assert (action.key_message_id, action.owner_id, action.milestone_id) == (
        message.id,
        member.id,
        milestone.id,
    )
    assert action.created_by_id == coordinator.id
    assert action.due_on == date(2018, 4, 2)
    page = client.get(f"/actions/{action.id}").get_data(as_text=True)
    assert "Mona Member" in page
    assert "Negotiation round 3" in page
    assert f"/messages/{message.id}" in page
    # ...and the key message links back to its actions.
    assert f"/actions/{action.id}" in client.get(f"/messages/{message.id}").get_data(as_text=True)
    assert _unread(db, member) == 1
    mail = db.session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == member.email
    assert "assigned you" in mail.subject
    assert mail.sent_at is not None  # delivered at once (to the log without SMTP)


def test_an_action_from_a_table_outcome_links_both_ways(client, login_as, db):
    login_as("coordinator")
    outcome = factories.TableOutcomeFactory()
    member = factories.UserFactory(role="member")
    client.post(f"/actions/new?outcome={outcome.id}", data=_form(outcome.act, member))
    action = db.session.scalars(select(Action)).one()
    assert action.outcome_id == outcome.id
    page = client.get(f"/outcomes/{outcome.id}").get_data(as_text=True)
    assert f"/actions/{action.id}" in page


def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(client, login_as, db):
    login_as("coordinator")
    act = factories.ActFactory()
    member = factories.UserFactory(role="member")
    cases = [
        (_form(act, member, due_on="02/04/2018"), "Enter a valid date"),
        (_form(act, member, owner_id="999999"), "Unknown person"),
        (_form(act, member, owner_id="abc"), "Unknown person"),
        (_form(act, None), "Give the action an owner"),
        (_form(act, member, title=""), "This field is required"),
        (_form(act, member, act_id="424242"), "Choose an ACT"),
    ]
    for data, message in cases:
        response = client.post("/actions/new", data=data)
        assert response.status_code == 422, message
        html = response.get_data(as_text=True)
        assert message in html
        assert "invalid-feedback" in html
    assert _count(db, Action) == 0
    assert _count(db, ActionUpdate) == 0


def test_an_observer_cannot_own_an_action(client, login_as, db):
    login_as("coordinator")
    act = factories.ActFactory()
    observer = factories.UserFactory(role="observer")
    response = client.post("/actions/new", data=_form(act, observer))
    assert response.status_code == 422
    assert "Unknown person" in response.get_data(as_text=True)


def test_owner_moves_it_along_and_the_coordinator_is_told(client, login_as, db):
    coordinator = factories.UserFactory(role="coordinator", name="Camila")
    member = factories.UserFactory(role="member", name="Mona")
    action = factories.ActionFactory(owner=member, created_by_id=coordinator.id)
    login_as(member)
    response = client.post(
        f"/actions/{action.id}/status",
        data={"status": "in_progress", "note": "Started the mapping.", "version": "1"},
    )
    assert response.status_code == 302
    response = client.post(
        f"/actions/{action.id}/status",
        data={"status": "done", "note": "Sent to all missions.", "version": "2"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Action, action.id).status == "done"
    log = client.get(f"/actions/{action.id}").get_data(as_text=True)
    assert "Started the mapping." in log
    assert "Sent to all missions." in log
    assert log.index("Started the mapping.") < log.index("Sent to all missions.")
    assert _unread(db, coordinator) == 2
    assert _unread(db, member) == 0
    login_as(coordinator)
    notes = client.get("/notifications").get_data(as_text=True)
    assert "Mona moved the action" in notes
    assert "Done" in notes


def test_a_jump_that_is_not_allowed_is_refused_with_the_allowed_moves(client, login_as, db):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member, status="done")
    login_as(member)
    response = client.post(
        f"/actions/{action.id}/status", data={"status": "blocked", "version": "1"}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "An action that is Done can move to: In progress." in html
    response = client.post(f"/actions/{action.id}/status", data={"status": "nonsense"})
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(Action, action.id).status == "done"


def test_only_the_owner_and_coordinators_update_and_only_coordinators_drop(client, login_as, db):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member)
    login_as("member")  # another member
    assert client.post(f"/actions/{action.id}/status", data={"status": "done"}).status_code == 403
    login_as(member)
    response = client.post(f"/actions/{action.id}/status", data={"status": "dropped"})
    assert response.status_code == 403
    login_as("coordinator")
    response = client.post(
        f"/actions/{action.id}/status", data={"status": "dropped", "version": "1"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Action, action.id).status == "dropped"


def test_two_coordinators_editing_at_once_never_overwrite_each_other(client, login_as, db):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member, title="Original title")
    login_as("coordinator")
    first = _form(action.act, member, title="First edit", version="1")
    second = _form(action.act, member, title="Second edit", version="1")
    assert client.post(f"/actions/{action.id}/edit", data=first).status_code == 302
    response = client.post(f"/actions/{action.id}/edit", data=second)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "First edit" in html
    assert "Second edit" in html
    db.session.expire_all()
    assert db.session.get(Action, action.id).title == "First edit"


def test_a_stale_status_change_is_a_conflict(client, login_as, db):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member)
    login_as(member)
    client.post(f"/actions/{action.id}/status", data={"status": "in_progress", "version": "1"})
    response = client.post(f"/actions/{action.id}/status", data={"status": "done", "version": "1"})
    assert response.status_code == 409
    assert "Someone changed this action" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Action, action.id).status == "in_progress"


def test_reassigning_tells_both_owners_and_logs_the_change(client, login_as, db):
    old, new = factories.UserFactory(role="member"), factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=old)
    login_as("coordinator")
    data = _form(action.act, new, title=action.title, due_on="2018-05-01", version="1")
    data["description"] = ""
    data["priority"] = "medium"
    assert client.post(f"/actions/{action.id}/edit", data=data).status_code == 302
    assert (_unread(db, old), _unread(db, new)) == (1, 1)
    kinds = {n.kind for n in db.session.scalars(select(Notification))}
    assert kinds == {"assigned", "unassigned"}
    log = client.get(f"/actions/{action.id}").get_data(as_text=True)
    assert f"{old.name} → {new.name}" in log
    assert "Apr 2, 2018 → May 1, 2018" in log


def test_comments_and_progress_notes_stay_among_civil_society(client, login_as, db):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member, visibility="shared")
    factories.ActionUpdateFactory(
        action=action,
        kind="status",
        from_status="open",
        to_status="in_progress",
        note="Progress shared.",
    )
    login_as("rapporteur")
    response = client.post(f"/actions/{action.id}/comments", data={"body": "Internal remark."})
    assert response.status_code == 302
    assert _unread(db, member) == 1
    assert "Internal remark." in client.get(f"/actions/{action.id}").get_data(as_text=True)
    login_as("observer")
    page = client.get(f"/actions/{action.id}").get_data(as_text=True)
    # Observers follow the move itself, without the note typed with it or the comments.
    assert "In progress" in page
    assert "Progress shared." not in page
    assert "Internal remark." not in page
    assert client.post(f"/actions/{action.id}/comments", data={"body": "x"}).status_code == 403
    login_as("member")
    assert client.post(f"/actions/{action.id}/comments", data={"body": ""}).status_code == 422
