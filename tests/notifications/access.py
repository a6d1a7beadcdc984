"""Routes of notifications: each person reads and marks only their own."""

from tests.access import ALL_ROLES, MEMBER, Route, not_found_for

ROUTES = [
    Route("notifications.index", lambda w: "/notifications"),
    Route("notifications.read_all", lambda w: "/notifications/read", method="POST"),
    Route(
        "notifications.open_one",
        lambda w: f"/notifications/{w.notification.id}/open",
        method="POST",
        allowed=MEMBER,
        refused=not_found_for(ALL_ROLES - MEMBER),
    ),
]
