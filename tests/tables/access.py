"""Routes of small-table outcomes."""

from tests.access import ALL_ROLES, STAFF, Route

HIDDEN_FOR_OBSERVER = {"observer": 404}

ROUTES = [
    Route("tables.show_outcome", lambda w: f"/outcomes/{w.outcome.id}"),
    Route(
        "tables.show_outcome",
        lambda w: f"/outcomes/{w.hidden_outcome.id}",
        allowed=ALL_ROLES - {"observer"},
        refused=HIDDEN_FOR_OBSERVER,
    ),
    Route(
        "tables.new_outcome", lambda w: f"/sessions/{w.small_table.id}/outcome/new", allowed=STAFF
    ),
    Route("tables.edit_outcome", lambda w: f"/outcomes/{w.outcome.id}/edit", allowed=STAFF),
    Route(
        "tables.edit_outcome",
        lambda w: f"/outcomes/{w.hidden_outcome.id}/edit",
        allowed=STAFF,
        refused=HIDDEN_FOR_OBSERVER,
    ),
    Route("tables.stances", lambda w: f"/outcomes/{w.outcome.id}/stances", allowed=STAFF),
    Route(
        "tables.stances",
        lambda w: f"/outcomes/{w.outcome.id}/stances",
        method="POST",
        allowed=STAFF,
        data=lambda w: {"version": str(w.outcome.version)},
    ),
    Route(
        "tables.publish_outcome",
        lambda w: f"/outcomes/{w.hidden_outcome.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FOR_OBSERVER,
    ),
    Route(
        "tables.withdraw_outcome",
        lambda w: f"/outcomes/{w.outcome.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
]
