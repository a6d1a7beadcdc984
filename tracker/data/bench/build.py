"""What the generator's steps share: the random generator, the scale, and what earlier steps
left (ids of users, sessions, key messages...) for later ones."""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from tracker.core.extensions import db
from tracker.data.bench.scales import Scale
from tracker.data.bench.text import Prose

SHARED, CIVIL_SOCIETY = "shared", "civil_society"


@dataclass
class SessionRow:
    id: int
    day: date
    act_ids: list[int]


@dataclass
class Build:
    rng: random.Random
    scale: Scale
    prose: Prose
    act_ids: list[int] = field(default_factory=list)
    users: dict[str, list[int]] = field(default_factory=dict)
    organization_ids: list[int] = field(default_factory=list)
    group_sessions: list[SessionRow] = field(default_factory=list)
    table_sessions: list[SessionRow] = field(default_factory=list)
    government_ids: list[int] = field(default_factory=list)
    messages_by_act: dict[int, list[int]] = field(default_factory=dict)
    message_ids: list[int] = field(default_factory=list)
    # What the last step publishes to governments, by model: rows are written civil-society
    # only, then published through the ORM like a coordinator would.
    to_publish: dict[Any, list[int]] = field(default_factory=dict)

    def publish_later(self, model: Any, ids: list[int], shared: list[bool]) -> None:
        chosen = [row_id for row_id, flag in zip(ids, shared, strict=True) if flag]
        self.to_publish.setdefault(model, []).extend(chosen)

    def user(self, *roles: str) -> int:
        return self.rng.choice([uid for role in roles for uid in self.users.get(role, [])])

    def moment(self, day: date, within_days: int = 1) -> datetime:
        start = datetime.combine(day, time(8, 0), tzinfo=UTC)
        return start + timedelta(minutes=self.rng.randrange(within_days * 24 * 60))


def count_rows(model: Any) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def spread(total: int, parts: int) -> list[int]:
    """`total` split over `parts` as evenly as possible."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def unpublished(rows: list[dict]) -> list[dict]:
    """Rows are written civil-society only; the last step publishes the shared ones."""
    return [{**row, "visibility": CIVIL_SOCIETY} for row in rows]
