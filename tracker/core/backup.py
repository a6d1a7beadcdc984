"""A consistent copy of the database while the app keeps running (SQLite's online backup)."""

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupUnsupportedError(RuntimeError):
    """The database is not a SQLite file; the message says what to use instead."""


def default_backup_path(database: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return database.with_name(f"{database.stem}-{stamp}.backup{database.suffix or '.db'}")


def sqlite_file(uri: str) -> Path:
    url = make_url(uri)
    if url.get_backend_name() == "postgresql":
        raise BackupUnsupportedError(
            "This is a PostgreSQL database; back it up with pg_dump, for example:\n"
            '  pg_dump --format=custom --file=tracker-$(date +%F).dump "$DATABASE_URL"\n'
            "(use a postgresql:// URL, without the +psycopg driver part)."
        )
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupUnsupportedError(f"Cannot back up {url.render_as_string(hide_password=True)}.")
    return Path(url.database)


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy `source` to `target` page by page; writers may carry on meanwhile."""
    if not source.exists():
        raise BackupUnsupportedError(f"No database at {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise BackupUnsupportedError(f"{target} exists already; choose another path.")
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.execute("PRAGMA busy_timeout = 10000")
        src.backup(dst, pages=1024)
        # A single self-contained file: no -wal beside the copy.
        dst.execute("PRAGMA journal_mode = DELETE")
    return target
