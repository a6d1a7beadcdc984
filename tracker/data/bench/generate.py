"""Generate a realistic workspace for the benchmark, fast and deterministically.

Rows go in with ORM bulk inserts (`insert(Model)` with a list of dicts); parents are
inserted with `RETURNING id` in parameter order, so children can point at them on SQLite
and PostgreSQL alike. Each step reads what earlier steps left in the `Build` and adds its
own; a new feature adds a step to STEPS and its counts to `Scale` (and scales.toml).
"""

import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.bench import names
from tracker.data.bench.actions import add_actions
from tracker.data.bench.build import Build, count_rows
from tracker.data.bench.drafts import add_drafts, add_reflections
from tracker.data.bench.meetings import add_meetings
from tracker.data.bench.people import add_organizations, add_users
from tracker.data.bench.record import add_governments, add_notes, add_reports, add_table_outcomes
from tracker.data.bench.scales import SCALES, Scale
from tracker.data.bench.text import Prose
from tracker.data.demo import load_demo
from tracker.records.accounts import Organization, User
from tracker.records.actions import Action, ActionUpdate
from tracker.records.agenda import Meeting, MeetingSession
from tracker.records.drafts import Draft, DraftParagraph, Reflection
from tracker.records.notes import Note, NoteRevision
from tracker.records.notifications import Notification
from tracker.records.publishing import publish_new
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import Stance, TableOutcome
from tracker.search import index as search_index

PUBLISH_BATCH = 500


class BenchDataExistsError(RuntimeError):
    """The database already holds generated data."""


def has_bench_data() -> bool:
    slugs = [meeting["slug"] for meeting in names.MEETINGS]
    return db.session.scalar(select(Meeting.id).where(Meeting.slug.in_(slugs)).limit(1)) is not None


def generate(scale: str | Scale, seed: int = 1) -> dict[str, int]:
    """Load the demo, then add `scale` worth of data; return the row count per table."""
    load_demo()
    if has_bench_data():
        raise BenchDataExistsError("This database already holds benchmark data; use an empty one.")
    rng = random.Random(seed)
    build = Build(
        rng=rng, scale=SCALES[scale] if isinstance(scale, str) else scale, prose=Prose(rng)
    )
    # Bulk inserts go around the session's events: the index is written once, at the end.
    with search_index.paused():
        for step in STEPS:
            step(build)
    search_index.rebuild()
    db.session.commit()
    return row_counts()


def row_counts() -> dict[str, int]:
    models: tuple[Any, ...] = (Meeting, MeetingSession, User, Organization, Note, NoteRevision)
    models += (Report, KeyMessage, TableOutcome, Stance, Draft, DraftParagraph, Reflection)
    models += (Action, ActionUpdate, Notification)
    return {model.__tablename__: count_rows(model) for model in models}


def publish_shared(build: Build) -> None:
    """Publish what the steps chose to share, as coordinators would (snapshots and all)."""
    db.session.flush()
    for model, ids in build.to_publish.items():
        for start in range(0, len(ids), PUBLISH_BATCH):
            chunk = ids[start : start + PUBLISH_BATCH]
            for record in db.session.scalars(select(model).where(model.id.in_(chunk))):
                publish_new(record, None, record.updated_at)
            db.session.flush()
            db.session.expunge_all()


STEPS: list[Callable[[Build], None]] = [
    add_organizations,
    add_users,
    add_meetings,
    add_notes,
    add_reports,
    add_governments,
    add_table_outcomes,
    add_drafts,
    add_reflections,
    add_actions,
    publish_shared,
]
