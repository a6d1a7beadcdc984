"""The sign-in throttle: after N failures an account is locked for M minutes.

Kept in the database, or in Redis when REDIS_URL is set, so it holds across workers.
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from tracker.auth.models import SignInFailure
from tracker.extensions import db
from tracker.models import utcnow
from tracker.redis_client import redis_client


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["SIGN_IN_LOCK_MINUTES"])


def _key(email: str) -> str:
    return f"tracker:sign-in-failures:{email.lower()}"


def is_locked(email: str) -> bool:
    return failure_count(email) >= current_app.config["SIGN_IN_MAX_FAILURES"]


def failure_count(email: str) -> int:
    client = redis_client()
    if client is not None:
        return int(client.get(_key(email)) or 0)
    since = utcnow() - _window()
    return db.session.scalar(
        select(func.count())
        .select_from(SignInFailure)
        .where(SignInFailure.email == email.lower(), SignInFailure.failed_at > since)
    )


def record_failure(email: str) -> None:
    client = redis_client()
    if client is not None:
        key = _key(email)
        with client.pipeline() as pipe:
            pipe.incr(key)
            pipe.expire(key, int(_window().total_seconds()))
            pipe.execute()
        return
    db.session.add(SignInFailure(email=email.lower()))
    db.session.execute(delete(SignInFailure).where(SignInFailure.failed_at < utcnow() - _window()))
    db.session.commit()


def clear_failures(email: str) -> None:
    client = redis_client()
    if client is not None:
        client.delete(_key(email))
        return
    db.session.execute(delete(SignInFailure).where(SignInFailure.email == email.lower()))
