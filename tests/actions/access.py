"""Routes of next-step actions and their exports."""

from tests.access import (
    CIVIL_SOCIETY,
    FEED_TOKEN,
    HIDDEN_FROM_OBSERVERS,
    MEMBER,
    NOBODY,
    NOT_FOUND_FOR_ANYONE,
    STAFF,
    Route,
    versioned,
)


def _action_form(w) -> dict:
    return {
        "title": "Brief the co-facilitators",
        "act_id": str(w.act.id),
        "owner_id": str(w.users["member"].id),
        "organization_id": "0",
        "milestone_id": "0",
        "due_on": "2018-04-02",
        "priority": "high",
    }


ROUTES = [
    Route(
        "actions.publish",
        lambda w: f"/actions/{w.action.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "actions.publish",
        lambda w: f"/actions/{w.shared_action.id}/publish",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "actions.withdraw",
        lambda w: f"/actions/{w.shared_action.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "actions.withdraw",
        lambda w: f"/actions/{w.action.id}/withdraw",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("actions.index", lambda w: "/actions"),
    Route("actions.index", lambda w: f"/actions?act={w.act.number}&status=open&overdue=y"),
    Route("actions.export_csv", lambda w: "/actions/export.csv"),
    Route("actions.mine", lambda w: "/actions/mine"),
    Route("actions.board", lambda w: "/actions/board"),
    Route("actions.board", lambda w: f"/actions/board?act={w.act.number}"),
    Route("actions.new", lambda w: "/actions/new", allowed=STAFF),
    # From a key message observers may not read: 403 all the same, the permission comes first.
    Route(
        "actions.new",
        lambda w: f"/actions/new?key_message={w.key_message.id}",
        allowed=STAFF,
        refused={"observer": 403},
    ),
    Route("actions.new", lambda w: "/actions/new", method="POST", allowed=STAFF, data=_action_form),
    Route("actions.show", lambda w: f"/actions/{w.shared_action.id}"),
    Route(
        "actions.show",
        lambda w: f"/actions/{w.action.id}",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("actions.edit", lambda w: f"/actions/{w.shared_action.id}/edit", allowed=STAFF),
    Route(
        "actions.edit",
        lambda w: f"/actions/{w.action.id}/edit",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "actions.edit",
        lambda w: f"/actions/{w.shared_action.id}/edit",
        method="POST",
        allowed=STAFF,
        data=lambda w: versioned(w.shared_action, **_action_form(w)),
    ),
    # The owner (the member) and coordinators move it along; others are refused.
    Route(
        "actions.change_status",
        lambda w: f"/actions/{w.shared_action.id}/status",
        method="POST",
        allowed=STAFF | MEMBER,
        data=lambda w: versioned(w.shared_action, status="in_progress"),
    ),
    Route(
        "actions.change_status",
        lambda w: f"/actions/{w.action.id}/status",
        method="POST",
        allowed=STAFF | MEMBER,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: versioned(w.action, status="done"),
    ),
    # Dropping is for coordinators only, even for the owner.
    Route(
        "actions.change_status",
        lambda w: f"/actions/{w.shared_action.id}/status",
        method="POST",
        allowed=STAFF,
        data=lambda w: versioned(w.shared_action, status="dropped"),
    ),
    Route(
        "actions.comment",
        lambda w: f"/actions/{w.shared_action.id}/comments",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: {"body": "Done on our side."},
    ),
    Route(
        "actions.comment",
        lambda w: f"/actions/{w.action.id}/comments",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: {"body": "Done on our side."},
    ),
    Route("actions.calendar", lambda w: "/calendar"),
    Route("actions.calendar", lambda w: "/calendar", method="POST"),
    # The feed's secret address is its only key: it answers without a session.
    Route("actions.feed", lambda w: f"/calendar/{FEED_TOKEN}.ics", public=True),
    Route(
        "actions.feed",
        lambda w: "/calendar/not-a-token.ics",
        allowed=NOBODY,
        refused=NOT_FOUND_FOR_ANYONE,
        public=True,
    ),
]
