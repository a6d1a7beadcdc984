"""Routes of notifications: each person reads and marks only their own."""

from tests.access import (
    ALL_ROLES,
    CIVIL_SOCIETY,
    HIDDEN_FROM_OBSERVERS,
    MEMBER,
    Route,
    not_found_for,
)

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
    # Following: civil society follows ACTs and key messages; observers never.
    Route(
        "notifications.follow_act",
        lambda w: f"/acts/{w.act.number}/follow",
        method="POST",
        allowed=CIVIL_SOCIETY,
    ),
    Route(
        "notifications.unfollow_act",
        lambda w: f"/acts/{w.act.number}/unfollow",
        method="POST",
        allowed=CIVIL_SOCIETY,
    ),
    Route(
        "notifications.follow_message",
        lambda w: f"/messages/{w.key_message.id}/follow",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "notifications.follow_message",
        lambda w: f"/messages/{w.shared_key_message.id}/follow",
        method="POST",
        allowed=CIVIL_SOCIETY,
    ),
    Route(
        "notifications.unfollow_message",
        lambda w: f"/messages/{w.key_message.id}/unfollow",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
]
