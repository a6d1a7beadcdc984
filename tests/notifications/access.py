"""Routes of notifications: each person reads and marks only their own."""

from tests.access import ALL_ROLES, Route

ROUTES = [
    Route("notifications.index", lambda w: "/notifications"),
    Route(
        "notifications.read_all", lambda w: "/notifications/read", method="POST", data=lambda w: {}
    ),
    Route(
        "notifications.open_one",
        lambda w: f"/notifications/{w.notification.id}/open",
        method="POST",
        allowed=frozenset({"member"}),
        refused={role: 404 for role in ALL_ROLES - {"member"}},
        data=lambda w: {},
    ),
]
