"""Where a sign-in comes from: the client's address and the known-device cookie.

The "device" cookie is set on each successful sign-in: a signed, HttpOnly, long-lived value
of the user's id. A browser that carries it for an account is one its owner used before;
the throttle does not ask it to wait when the account is under attack from elsewhere.
"""

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from tracker.records.accounts import User

COOKIE_NAME = "device"
SALT = "tracker.auth.known-device"


def client_address() -> str:
    """The client's address (behind proxies, the one they forwarded: see create_app)."""
    return request.remote_addr or ""


def _serializer() -> URLSafeTimedSerializer:
    key = current_app.secret_key
    if key is None:
        raise RuntimeError("the device cookie is signed with SECRET_KEY, which is not set")
    return URLSafeTimedSerializer(key, salt=SALT)


def _max_age() -> int:
    return current_app.config["KNOWN_DEVICE_DAYS"] * 24 * 3600


def remember_device(response: Response, user: User) -> Response:
    """Mark this browser as one where `user` signed in."""
    response.set_cookie(
        COOKIE_NAME,
        _serializer().dumps(user.id),
        max_age=_max_age(),
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


def known_device_user_id() -> int | None:
    """The id of the user who signed in on this browser before, if its cookie is genuine."""
    value = request.cookies.get(COOKIE_NAME)
    if not value:
        return None
    try:
        user_id = _serializer().loads(value, max_age=_max_age())
    except BadSignature:  # also when it is too old
        return None
    return user_id if isinstance(user_id, int) else None
