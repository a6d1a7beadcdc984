"""Routes of positions in the negotiation rounds."""

from tests.access import CIVIL_SOCIETY, HIDDEN_FROM_OBSERVERS, STAFF, Route, versioned


def _entry(w) -> dict:
    return {
        "milestone_id": str(w.milestone.id),
        "act_id": str(w.act.id),
        "government": "Mexico",
        "key_message_id": str(w.key_message.id),
        "stand": "supports",
        "source": "plenary",
        "stated_on": "2018-02-20",
    }


ROUTES = [
    Route("positions.index", lambda w: "/positions"),
    Route("positions.index", lambda w: f"/positions?round={w.milestone.id}&act={w.act.id}"),
    Route("positions.new", lambda w: "/positions/new", allowed=CIVIL_SOCIETY),
    Route(
        "positions.new",
        lambda w: "/positions/new",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=_entry,
    ),
    Route(
        "positions.edit",
        lambda w: f"/positions/{w.position.id}/edit",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "positions.edit",
        lambda w: f"/positions/{w.shared_position.id}/edit",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: {**_entry(w), **versioned(w.shared_position)},
    ),
    Route(
        "positions.publish",
        lambda w: f"/positions/{w.position.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "positions.withdraw",
        lambda w: f"/positions/{w.shared_position.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
]
