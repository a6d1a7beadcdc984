"""Routes of the foundation: accounts, dashboard, ACTs, agenda, people."""

from tests.access import ALL_ROLES, NOBODY, STAFF, Route

ROUTES = [
    Route("thread.root", lambda w: "/", public=True),
    Route("health.healthz", lambda w: "/healthz", public=True),
    Route("auth.sign_in", lambda w: "/sign-in", public=True),
    Route(
        "auth.accept_invitation",
        lambda w: "/invitation/not-a-token",
        public=True,
        allowed=NOBODY,
        refused={role: 404 for role in ALL_ROLES},
    ),
    Route("auth.sign_out", lambda w: "/sign-out", method="POST"),
    Route("auth.account", lambda w: "/account"),
    Route("thread.dashboard", lambda w: "/dashboard"),
    Route("thread.acts", lambda w: "/acts"),
    Route("thread.act", lambda w: f"/acts/{w.act.number}"),
    Route("agenda.index", lambda w: "/agenda"),
    Route("agenda.meeting", lambda w: f"/meetings/{w.meeting.slug}"),
    Route("agenda.ical", lambda w: f"/meetings/{w.meeting.slug}/agenda.ics"),
    Route("thread.session", lambda w: f"/sessions/{w.group_session.id}"),
    Route("admin.users", lambda w: "/admin/users", allowed=STAFF),
    Route(
        "admin.invite",
        lambda w: "/admin/users/invite",
        method="POST",
        allowed=STAFF,
        data=lambda w: {
            "invite-name": "New Person",
            "invite-email": "new@world.example",
            "invite-role": "member",
            "invite-organization_id": "0",
        },
    ),
    Route(
        "admin.change_role",
        lambda w: f"/admin/users/{w.other_user.id}/role",
        method="POST",
        allowed=STAFF,
        data=lambda w: {"role": "rapporteur"},
    ),
    Route(
        "admin.deactivate",
        lambda w: f"/admin/users/{w.other_user.id}/deactivate",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "admin.reactivate",
        lambda w: f"/admin/users/{w.other_user.id}/reactivate",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "admin.reinvite",
        lambda w: f"/admin/users/{w.other_user.id}/reinvite",
        method="POST",
        allowed=STAFF,
    ),
]
