"""The committed migrations build the schema from empty and match the models exactly."""

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, make_url, text

from tests.conftest import make_config
from tracker import create_app
from tracker.core.extensions import db
from tracker.records.search_index import include_name


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    """A brand-new empty database of the kind this run tests (SQLite or PostgreSQL)."""
    test_url = os.environ.get("TEST_DATABASE_URL")
    if not test_url:
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    # A database of its own, named after the suite's, so the suite's database is never
    # touched and two suites on one server (two checkouts) never share it.
    migrations_database = f"{make_url(test_url).database}_migrations"
    server = create_engine(
        make_url(test_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        with server.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {migrations_database} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {migrations_database}"))
        yield (
            make_url(test_url)
            .set(database=migrations_database)
            .render_as_string(hide_password=False)
        )
        with server.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {migrations_database} WITH (FORCE)"))
    finally:
        server.dispose()


@pytest.fixture
def keep_logging() -> Iterator[None]:
    """Alembic's env.py runs logging.fileConfig, which disables the app's loggers; undo it."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    loggers = {
        name: (logger.disabled, logger.level, list(logger.handlers), logger.propagate)
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, logger in logging.root.manager.loggerDict.items():
        if not isinstance(logger, logging.Logger):
            continue
        if name in loggers:
            logger.disabled, level_, handlers_, logger.propagate = loggers[name]
            logger.setLevel(level_)
            logger.handlers[:] = handlers_
        else:
            logger.disabled = False


def schema_differences() -> list[str]:
    """What `flask db migrate` would generate now, one line per change."""
    with db.engine.connect() as connection:
        # The full-text index's own objects (FTS5 table, tsvector column) are not in the models.
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        differences = compare_metadata(context, db.metadata)
    return [describe(difference) for difference in differences]


def describe(difference) -> str:
    if isinstance(difference, list):  # column modifications come grouped
        return "; ".join(describe(item) for item in difference)
    kind, *details = difference
    if kind in ("add_table", "remove_table"):
        return f"{kind} {details[0].name}"
    return f"{kind} {details}"


def test_migrations_build_the_schema_from_empty_and_match_the_models(
    empty_database_url, keep_logging
):
    app = create_app(make_config(empty_database_url))
    try:
        with app.app_context():
            assert inspect(db.engine).get_table_names() == []
            flask_migrate.upgrade()
            assert schema_differences() == [], "a model changed without a migration"
            assert set(db.metadata.tables) <= set(inspect(db.engine).get_table_names())

            # And back: down to nothing, then up again to the same schema.
            flask_migrate.downgrade(revision="base")
            assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
            flask_migrate.upgrade()
            assert schema_differences() == []
            with db.engine.connect() as connection:
                heads = MigrationContext.configure(connection).get_current_heads()
            assert len(heads) == 1
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
