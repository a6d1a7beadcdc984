"""The sign-in throttle: five failures lock an account for 15 minutes, across workers."""

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
import redis
from flask import Flask
from sqlalchemy import select, update

from tests.conftest import IsolatedClient, database_url, make_config
from tests.factories import PASSWORD, UserFactory
from tracker import create_app
from tracker.auth.models import SignInFailure
from tracker.extensions import db
from tracker.models import utcnow

LOCKED = "Too many failed sign-ins for this account. Try again in 15 minutes."
REDIS_URL = "redis://127.0.0.1:6379/15"
EMAIL = "ana@example.net"


def attempt(client, password, email=EMAIL):
    return client.post("/sign-in", data={"email": email, "password": password})


def fail_five_times(client, email=EMAIL) -> None:
    for _ in range(5):
        response = attempt(client, "not the right password", email)
        assert response.status_code == 401
        assert LOCKED not in response.get_data(as_text=True)


def assert_locked(response) -> None:
    assert response.status_code == 429
    assert LOCKED in response.get_data(as_text=True)


def test_sixth_attempt_is_refused_even_with_the_right_password(client):
    UserFactory(email=EMAIL)
    fail_five_times(client)
    assert_locked(attempt(client, PASSWORD))
    assert client.get("/dashboard").status_code == 302  # not signed in


def test_lock_lifts_after_the_window(client):
    UserFactory(email=EMAIL)
    fail_five_times(client)
    assert_locked(attempt(client, PASSWORD))
    # Sixteen minutes pass.
    db.session.execute(update(SignInFailure).values(failed_at=utcnow() - timedelta(minutes=16)))
    db.session.commit()
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"


def test_lock_holds_until_the_window_has_passed(client):
    UserFactory(email=EMAIL)
    fail_five_times(client)
    db.session.execute(update(SignInFailure).values(failed_at=utcnow() - timedelta(minutes=14)))
    db.session.commit()
    assert_locked(attempt(client, PASSWORD))


def test_lock_is_per_account(client):
    UserFactory(email=EMAIL)
    UserFactory(email="bea@example.net")
    fail_five_times(client)
    assert attempt(client, PASSWORD, "bea@example.net").status_code == 302


def test_unknown_accounts_are_throttled_like_real_ones(client):
    fail_five_times(client, "nobody@example.net")
    assert_locked(attempt(client, PASSWORD, "nobody@example.net"))


def test_a_successful_sign_in_clears_earlier_failures(client):
    UserFactory(email=EMAIL)
    for _ in range(4):
        attempt(client, "not the right password")
    assert attempt(client, PASSWORD).status_code == 302
    client.post("/sign-out")
    assert db.session.scalars(select(SignInFailure)).all() == []
    for _ in range(4):
        attempt(client, "not the right password")
    assert attempt(client, PASSWORD).status_code == 302


def second_worker(database_dir, **overrides) -> Flask:
    worker = create_app(make_config(database_url(database_dir), **overrides))
    worker.test_client_class = IsolatedClient
    return worker


def close_worker(worker: Flask) -> None:
    client = worker.extensions.get("tracker_redis")
    if client is not None:
        client.close()
        client.connection_pool.disconnect()
    with worker.app_context():
        db.engine.dispose()


def test_the_lock_holds_in_every_worker(client, database_dir):
    UserFactory(email=EMAIL)
    fail_five_times(client)
    worker = second_worker(database_dir)
    try:
        assert_locked(attempt(worker.test_client(), PASSWORD))
    finally:
        close_worker(worker)


@pytest.fixture
def redis_db() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, decode_responses=True)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        client.close()
        client.connection_pool.disconnect()
        pytest.skip(
            f"Redis is not reachable at {REDIS_URL} ({error}); the Redis throttle is untested"
        )
    client.flushdb()
    yield client
    client.flushdb()
    client.close()
    client.connection_pool.disconnect()


@pytest.fixture
def redis_workers(database_dir, redis_db) -> Iterator[tuple[Flask, Flask]]:
    workers = (
        second_worker(database_dir, REDIS_URL=REDIS_URL),
        second_worker(database_dir, REDIS_URL=REDIS_URL),
    )
    yield workers
    for worker in workers:
        close_worker(worker)


def test_with_redis_the_lock_holds_across_workers_and_lifts(redis_workers, redis_db):
    first, second = redis_workers
    UserFactory(email=EMAIL)
    fail_five_times(first.test_client())
    # The failures are counted in Redis, not in the database.
    assert db.session.scalars(select(SignInFailure)).all() == []
    keys = redis_db.keys("*")
    assert len(keys) == 1
    assert 0 < redis_db.ttl(keys[0]) <= 15 * 60
    assert_locked(attempt(second.test_client(), PASSWORD))
    # The window passes: Redis expires the counter.
    redis_db.pexpire(keys[0], 1)
    time.sleep(0.01)
    assert not redis_db.exists(keys[0])
    response = attempt(second.test_client(), PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"
