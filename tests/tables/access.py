"""Routes of small-table outcomes."""

from tests.access import CIVIL_SOCIETY, HIDDEN_FROM_OBSERVERS, STAFF, Route, versioned

ROUTES = [
    Route("tables.show_outcome", lambda w: f"/outcomes/{w.outcome.id}"),
    Route(
        "tables.show_outcome",
        lambda w: f"/outcomes/{w.hidden_outcome.id}",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "tables.new_outcome", lambda w: f"/sessions/{w.small_table.id}/outcome/new", allowed=STAFF
    ),
    Route("tables.edit_outcome", lambda w: f"/outcomes/{w.outcome.id}/edit", allowed=STAFF),
    Route(
        "tables.edit_outcome",
        lambda w: f"/outcomes/{w.hidden_outcome.id}/edit",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("tables.stances", lambda w: f"/outcomes/{w.outcome.id}/stances", allowed=STAFF),
    Route(
        "tables.stances",
        lambda w: f"/outcomes/{w.outcome.id}/stances",
        method="POST",
        allowed=STAFF,
        data=lambda w: versioned(w.outcome),
    ),
    Route(
        "tables.publish_outcome",
        lambda w: f"/outcomes/{w.hidden_outcome.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "tables.withdraw_outcome",
        lambda w: f"/outcomes/{w.outcome.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
]
