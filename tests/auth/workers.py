"""The suite's app under other settings (Redis, proxies, CSRF, production costs), and a
second worker on the same database.

Settings are changed on the suite's app for one test (`configure`) rather than by building
an app per test: every app built in a process stays with it for the rest of the run.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
import redis
from flask import Flask
from sqlalchemy import select

from tests.conftest import IsolatedClient, database_url, make_config
from tracker import create_app
from tracker.core.extensions import db
from tracker.records.accounts import PasswordResetRequest, SignInFailure

# A database of its own per checkout when several suites run on one Redis at once.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def configure(app: Flask, monkeypatch: pytest.MonkeyPatch, **settings) -> None:
    """Change the app's settings for this test only."""
    for name, value in settings.items():
        monkeypatch.setitem(app.config, name, value)


def forget_redis_connection(app: Flask) -> None:
    client = app.extensions.pop("tracker_redis", None)
    if client is not None:
        client.close()
        client.connection_pool.disconnect()


@contextmanager
def worker(database_dir, **overrides) -> Iterator[Flask]:
    """Another worker process's app on the test database."""
    app = create_app(make_config(database_url(database_dir), **overrides))
    app.test_client_class = IsolatedClient
    try:
        yield app
    finally:
        forget_redis_connection(app)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, decode_responses=True)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        client.close()
        client.connection_pool.disconnect()
        pytest.skip(f"Redis is not reachable at {REDIS_URL} ({error}); the Redis store is untested")
    return client


@contextmanager
def redis_store(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[redis.Redis]:
    """The app keeps its throttles in a Redis database emptied before and after."""
    redis_db = redis_or_skip()
    redis_db.flushdb()
    configure(app, monkeypatch, REDIS_URL=REDIS_URL)
    try:
        yield redis_db
    finally:
        forget_redis_connection(app)
        redis_db.flushdb()
        redis_db.close()
        redis_db.connection_pool.disconnect()


class Site:
    """An app and the throttle store it uses, with a way to let time pass for the throttle."""

    def __init__(self, app: Flask, store: str, redis_db: redis.Redis | None = None) -> None:
        self.app = app
        self.store = store
        self.redis_db = redis_db

    def client(self, address: str = "203.0.113.7") -> IsolatedClient:
        client = self.app.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        return client

    def age(self, seconds: float) -> None:
        """Make every remembered failure and request `seconds` older."""
        if self.redis_db is not None:
            for key in self.redis_db.scan_iter("tracker:*"):
                if self.redis_db.type(key) != "zset":
                    continue  # not a throttle's memory (the workspace version, cached pages)
                entries = self.redis_db.zrange(key, 0, -1, withscores=True)
                self.redis_db.zadd(key, {member: score - seconds for member, score in entries})
            return
        delta = timedelta(seconds=seconds)
        for failure in db.session.scalars(select(SignInFailure)):
            failure.failed_at -= delta
        for request in db.session.scalars(select(PasswordResetRequest)):
            request.requested_at -= delta
        db.session.commit()


def site_fixture(request, app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The suite's app with its throttles in the database, or in Redis."""
    if request.param == "database":
        yield Site(app, "database")
        return
    with redis_store(app, monkeypatch) as redis_db:
        yield Site(app, "redis", redis_db)
