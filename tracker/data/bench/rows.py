"""Bulk inserts for the generator: Core statements in batches, ids returned in order."""

from typing import Any

from sqlalchemy import insert

from tracker.core.extensions import db


def insert_rows(model: Any, rows: list[dict]) -> list[int]:
    """Insert `rows`; return their ids in the order given."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))


def insert_plain(target: Any, rows: list[dict]) -> None:
    if rows:
        db.session.execute(insert(target), rows)
