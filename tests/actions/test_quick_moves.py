"""Moving an action along from the board's cards and from My actions: a small POST form per
action (CSRF token, the version read), offered only to whoever may move it."""

import re

from tests import factories
from tracker.core.extensions import db
from tracker.records.actions import Action


def quick_form(html: str, action_id: int) -> str | None:
    """The quick-move form of this action on a list page, or None."""
    found = re.search(
        rf'<form method="post" action="/actions/{action_id}/status" class="quick-move.*?</form>',
        html,
        re.DOTALL,
    )
    return found.group(0) if found else None


def fresh(action_id: int) -> Action:
    db.session.expire_all()
    return db.session.get(Action, action_id)


def test_the_owner_moves_an_action_from_the_board_and_comes_back_to_it(client, login_as):
    member = factories.UserFactory(role="member")
    mine = factories.ActionFactory(owner=member, title="Brief the chair")
    other = factories.ActionFactory(title="Someone else's")
    login_as(member)
    html = client.get(f"/actions/board?act={mine.act.number}").get_data(as_text=True)
    form = quick_form(html, mine.id)
    assert form is not None
    assert quick_form(client.get("/actions/board").get_data(as_text=True), other.id) is None
    assert 'name="csrf_token"' in form
    assert f'name="version" value="{mine.version}"' in form
    assert re.search(r'<label class="visually-hidden" for="move-board-\d+">', form)
    options = re.findall(r'<option value="([a-z_]+)">', form)
    assert "in_progress" in options
    assert "dropped" not in options  # only coordinators drop an action
    answer = client.post(
        f"/actions/{mine.id}/status",
        data={
            "status": "in_progress",
            "version": str(mine.version),
            "back": "board",
            "back_act": str(mine.act.number),
        },
    )
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/actions/board?act={mine.act.number}"
    assert fresh(mine.id).status == "in_progress"
    board = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Status updated." in board


def test_a_move_from_my_actions_returns_to_my_actions(client, login_as):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member, title="Write to the co-facilitators")
    login_as(member)
    html = client.get("/actions/mine").get_data(as_text=True)
    assert quick_form(html, action.id) is not None
    answer = client.post(
        f"/actions/{action.id}/status",
        data={"status": "done", "version": str(action.version), "back": "mine"},
    )
    assert answer.headers["Location"] == "/actions/mine"
    assert fresh(action.id).status == "done"


def test_a_stale_quick_move_is_refused_and_shows_where_the_action_is(client, login_as):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member)
    read_at = action.version
    login_as("coordinator")
    client.post(f"/actions/{action.id}/status", data={"status": "blocked", "version": read_at})
    login_as(member)
    answer = client.post(
        f"/actions/{action.id}/status",
        data={"status": "done", "version": str(read_at), "back": "board"},
    )
    assert answer.status_code == 409
    assert "it is now Blocked" in answer.get_data(as_text=True)
    assert fresh(action.id).status == "blocked"


def test_coordinators_may_drop_an_action_from_the_board(client, login_as):
    action = factories.ActionFactory(visibility="shared")
    login_as("coordinator")
    form = quick_form(client.get("/actions/board").get_data(as_text=True), action.id)
    assert "dropped" in re.findall(r'<option value="([a-z_]+)">', form)


def test_a_quick_move_needs_the_pages_csrf_token(csrf_app):
    member = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=member)
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = member.session_token
        session["_fresh"] = True
    data = {"status": "done", "version": str(action.version), "back": "mine"}
    assert client.post(f"/actions/{action.id}/status", data=data).status_code == 400
    assert fresh(action.id).status == "open"
    html = client.get("/actions/mine").get_data(as_text=True)
    data["csrf_token"] = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert client.post(f"/actions/{action.id}/status", data=data).status_code == 302
    assert fresh(action.id).status == "done"
