"""Routes of the password reset (sign-in, sign-out, invitations and the account page are
in tests/foundation/access.py).

Anyone may ask for a reset link, signed in or not; a link that is not valid answers 404
to everyone.
"""

from tests.access import ALL_ROLES, NOBODY, Route

NOT_A_LINK = {role: 404 for role in ALL_ROLES}

ROUTES = [
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
        refused=NOT_A_LINK,
    ),
    Route(
        "auth.reset_password",
        lambda w: "/reset-password/not-a-token",
        method="POST",
        public=True,
        allowed=NOBODY,
        refused=NOT_A_LINK,
        data=lambda w: {
            "new_password": "a long enough passphrase",
            "confirm": "a long enough passphrase",
        },
    ),
]
