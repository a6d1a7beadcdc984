"""Fixtures: one app per run on a real database, tables emptied after each test.

The database is a SQLite file by default, or PostgreSQL when TEST_DATABASE_URL is set.
Each test runs inside an app context for its own queries; every request made through
`client` runs in a fresh context of its own, as in production, after the test's pending
changes are committed.
"""

import contextlib
import contextvars
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import event, text

from tests import factories
from tracker import create_app
from tracker.core.config import TestConfig
from tracker.core.extensions import db as _db
from tracker.records.policy import Role

ROLES = [role.value for role in Role]


def database_url(tmp_dir: Path) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_dir / 'test.db'}"


def make_config(url: str, **overrides) -> type[TestConfig]:
    return type("RunConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url, **overrides})


class IsolatedClient(FlaskClient):
    """A client whose requests never share the test's app context, g or session."""

    def open(self, *args, **kwargs):
        if has_app_context() and _db.session.registry.has():
            _db.session.commit()
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture(scope="session")
def database_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="tracker-tests-") as name:
        yield Path(name)


@pytest.fixture(scope="session")
def app(database_dir: Path) -> Iterator[Flask]:
    app = create_app(make_config(database_url(database_dir)))
    app.test_client_class = IsolatedClient
    with app.app_context():
        _db.drop_all()
        _reset_alembic_version()
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()


@pytest.fixture
def csrf_app(database_dir: Path) -> Iterator[Flask]:
    """The app on the same database with CSRF on, as in production."""
    csrf_app = create_app(make_config(database_url(database_dir), WTF_CSRF_ENABLED=True))
    csrf_app.test_client_class = IsolatedClient
    yield csrf_app
    with csrf_app.app_context():
        _db.session.remove()
        _db.engine.dispose()


def _reset_alembic_version() -> None:
    with _db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def empty_tables() -> None:
    _db.session.rollback()
    _db.session.close()
    with _db.engine.begin() as connection:
        for table in reversed(_db.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(autouse=True)
def app_context(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield
        empty_tables()


@pytest.fixture
def db(app_context):
    return _db


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def login_as(client: FlaskClient) -> Callable:
    """Sign `client` in as a new user of `role` (or as the given user); return the user."""

    def sign_in(role_or_user, **user_fields):
        if isinstance(role_or_user, str):
            user = factories.UserFactory(role=role_or_user, **user_fields)
        else:
            user = role_or_user
        _db.session.commit()
        with client.session_transaction() as session:
            session["_user_id"] = user.session_token
            session["_fresh"] = True
        return user

    return sign_in


@pytest.fixture
def demo(app_context) -> None:
    """The demo workspace (ACTs, agenda, milestones, accounts)."""
    from tracker.data.demo import load_demo

    load_demo()


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(app: Flask) -> Callable:
    """`with count_queries() as counter:` counts the SQL statements run inside the block."""

    @contextlib.contextmanager
    def counting() -> Iterator[QueryCounter]:
        counter = QueryCounter()

        def record(_conn, _cursor, statement, *_args) -> None:
            counter.statements.append(statement)

        engine = _db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return counting
