"""Engine settings: SQLite pragmas and IMMEDIATE write transactions, PostgreSQL pooling."""

import json
import sqlite3
from functools import partial

from flask import Flask, g, has_request_context, request
from sqlalchemy import event

from tracker.core.extensions import db

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def engine_options(app: Flask) -> None:
    """Fill SQLALCHEMY_ENGINE_OPTIONS; must run before db.init_app builds the engine."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    # JSON columns (published snapshots) keep accented letters as they are, so a search in
    # them finds "détention" as typed.
    options.setdefault("json_serializer", partial(json.dumps, ensure_ascii=False))
    if uri.startswith("postgresql"):
        options.setdefault("pool_pre_ping", True)
        options.setdefault("pool_size", 5)
        options.setdefault("max_overflow", 5)
    elif uri.startswith("sqlite"):
        options.setdefault("connect_args", {}).setdefault("timeout", 10)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def configure_engine(app: Flask) -> None:
    with app.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "before_cursor_execute", _count_query)


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
    # Let SQLAlchemy's "begin" event open transactions itself (pysqlite's own handling
    # would begin DEFERRED behind our back).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 10000")  # before WAL: the switch may wait too
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection) -> None:
    # A request that may write takes the write lock up front, so a reader that turns
    # into a writer cannot fail with "database is locked" half-way through.
    if has_request_context() and request.method not in SAFE_METHODS:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def _count_query(*_args) -> None:
    if has_request_context():
        g.query_count = g.get("query_count", 0) + 1
