"""Reading the API with a personal token: `Authorization: Bearer <token>`; the request then
reads as the token's owner, through the same filter as their pages."""

from datetime import timedelta

from flask import abort, g, request
from sqlalchemy import select

from tracker.core.extensions import db
from tracker.core.models import real_utcnow
from tracker.core.tokens import new_token, token_hash
from tracker.records.accounts import User
from tracker.records.api import ApiToken
from tracker.records.reader import read_as

# How often a token's "last used" is written (a read should not write each time).
LAST_USED_PRECISION = timedelta(hours=1)


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def authenticate() -> None:
    """Read this request as the token's owner, or stop it with 401."""
    token = bearer_token()
    if token is None:
        abort(401)
    found = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if found is None or not found.active or not found.user.active:
        abort(401)
    now = real_utcnow()
    last = found.last_used_at
    if last is None or now - last.replace(tzinfo=now.tzinfo) > LAST_USED_PRECISION:
        found.last_used_at = now
        db.session.commit()
    g.api_token_id = found.id
    read_as(found.user)


def rate_limit_key() -> str:
    """Each token has its own allowance; requests without one share the address's."""
    token = bearer_token()
    return f"token:{token_hash(token)}" if token else f"address:{request.remote_addr}"


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`: the record, and the secret, shown once and never stored."""
    secret = new_token()
    token = ApiToken(user_id=user.id, name=name, token_hash=token_hash(secret), prefix=secret[:6])
    db.session.add(token)
    db.session.commit()
    return token, secret


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = real_utcnow()
        db.session.commit()
