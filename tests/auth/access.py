"""Routes of accounts: signing in and out, invitations, the account page, the password reset,
and the People page.

Anyone may ask for a reset link, signed in or not; a link that is not valid answers 404
to everyone. Coordinators and admins manage people.
"""

from tests.access import NOBODY, NOT_FOUND_FOR_ANYONE, STAFF, Route, b64

ROUTES = [
    Route("auth.sign_in", lambda w: "/sign-in", public=True),
    Route(
        "auth.accept_invitation",
        lambda w: "/invitation/not-a-token",
        public=True,
        allowed=NOBODY,
        refused=NOT_FOUND_FOR_ANYONE,
    ),
    Route("auth.sign_out", lambda w: "/sign-out", method="POST"),
    Route("auth.account", lambda w: "/account"),
    Route("auth.forgot_password", lambda w: "/forgot-password", public=True),
    Route(
        "auth.forgot_password",
        lambda w: "/forgot-password",
        method="POST",
        public=True,
        data=lambda w: {"email": w.other_user.email},
    ),
    Route(
        "auth.reset_password",
        lambda w: "/reset-password/not-a-token",
        public=True,
        allowed=NOBODY,
        refused=NOT_FOUND_FOR_ANYONE,
    ),
    Route(
        "auth.reset_password",
        lambda w: "/reset-password/not-a-token",
        method="POST",
        public=True,
        allowed=NOBODY,
        refused=NOT_FOUND_FOR_ANYONE,
        data=lambda w: {
            "new_password": "a long enough passphrase",
            "confirm": "a long enough passphrase",
        },
    ),
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
    Route("admin.import_people", lambda w: "/admin/users/import", allowed=STAFF),
    Route(
        "admin.confirm_people",
        lambda w: "/admin/users/import/confirm",
        method="POST",
        allowed=STAFF,
        data=lambda w: {
            "content": b64("email,name,role\nbulk@world.example,Bulk Person,member\n"),
            "filename": "people.csv",
        },
    ),
]
