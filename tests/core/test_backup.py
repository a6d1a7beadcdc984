"""`flask backup`: a consistent copy of a SQLite database, taken while it is in use."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import make_config
from tracker import create_app
from tracker.core.backup import BackupUnsupportedError, backup_sqlite, sqlite_file
from tracker.core.extensions import db


def _count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM item").fetchone()[0]


def test_the_copy_holds_what_was_committed_even_with_a_writer_busy(tmp_path):
    source = tmp_path / "live.db"
    with closing(sqlite3.connect(source, isolation_level=None)) as writer:
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, text TEXT)")
        writer.executemany("INSERT INTO item (text) VALUES (?)", [("x" * 500,)] * 2000)
        writer.execute("BEGIN")
        writer.execute("INSERT INTO item (text) VALUES ('not committed yet')")
        target = backup_sqlite(source, tmp_path / "copies" / "backup.db")
        writer.execute("COMMIT")
    assert _count(target) == 2000
    assert not target.with_name("backup.db-wal").exists()
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_existing_file_is_never_overwritten(tmp_path):
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    with closing(sqlite3.connect(source)) as connection:
        connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY)")
    target.write_text("keep me")
    with pytest.raises(BackupUnsupportedError, match="exists"):
        backup_sqlite(source, target)
    assert target.read_text() == "keep me"


def test_postgresql_is_refused_with_the_pg_dump_command():
    with pytest.raises(BackupUnsupportedError, match="pg_dump"):
        sqlite_file("postgresql+psycopg://tracker@db.example.org/tracker")


def _cli(url: str, *args: str):
    """Run `flask backup` on an app of its own (the suite's app context would win otherwise)."""
    app = create_app(make_config(url))
    with app.app_context():
        try:
            if url.startswith("sqlite"):
                db.create_all()
            return app.test_cli_runner().invoke(args=["backup", *args])
        finally:
            db.session.remove()
            db.engine.dispose()


def test_the_command_backs_up_the_configured_database(tmp_path):
    result = _cli(f"sqlite:///{tmp_path / 'tracker.db'}", str(tmp_path / "copy.db"))
    assert result.exit_code == 0, result.output
    assert "Backed up" in result.output
    with closing(sqlite3.connect(tmp_path / "copy.db")) as copy:
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    assert "note" in tables
    assert "user_account" in tables


def test_the_command_names_a_dated_file_by_default(tmp_path):
    result = _cli(f"sqlite:///{tmp_path / 'tracker.db'}")
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("tracker-*.backup.db"))) == 1


def test_the_command_on_postgresql_says_to_use_pg_dump():
    result = _cli("postgresql+psycopg://tracker@127.0.0.1:1/tracker")
    assert result.exit_code != 0
    assert "pg_dump" in result.output
