"""How the key messages are carried through the drafts: the levels of a set of messages in
each draft (the ACT page), how many the latest draft reflects, and the carry-through matrix
with its counts per draft. Every query goes through the reader's filter."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, distinct, func, select
from sqlalchemy.orm import contains_eager, load_only

from tracker.core.extensions import db
from tracker.drafts.services import drafts_in_order, latest_drafts, message_order
from tracker.records.acts import Act
from tracker.records.drafts import Draft, Level, Reflection, ReflectionState
from tracker.records.reports import KeyMessage

REFLECTED_LEVELS = (Level.PARTIAL, Level.STRONG)


def reflected_counts(draft_id: int, act_id: int | None = None) -> dict[int, int]:
    """{act_id: active key messages partly or strongly reflected in this draft}, in one
    aggregate query (the reader's filter applies to messages and reflections alike)."""
    statement = (
        select(KeyMessage.act_id, func.count(distinct(KeyMessage.id)))
        .join(Reflection, Reflection.key_message_id == KeyMessage.id)
        .where(
            KeyMessage.merged_into_id.is_(None),
            Reflection.draft_id == draft_id,
            Reflection.level.in_(REFLECTED_LEVELS),
            Reflection.state != ReflectionState.LOST,
        )
        .group_by(KeyMessage.act_id)
    )
    if act_id is not None:
        statement = statement.where(KeyMessage.act_id == act_id)
    return dict(db.session.execute(statement).all())


@dataclass
class ActReflections:
    drafts: list[Draft]  # those out by the day asked about, oldest first
    key_messages: list
    cells: dict
    messages_total: int = 0
    reflected: int = 0  # of all the ACT's messages, in the latest draft

    @property
    def latest(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    @property
    def reflected_percent(self) -> int:
        if not self.messages_total:
            return 0
        return round(100 * self.reflected / self.messages_total)


def for_act(key_messages: list, on: date, act=None, messages_total: int = 0) -> ActReflections:
    """How each of these key messages (the ACT page shows its first ones) is reflected in
    each draft out on `on` (the workspace's today), and how many of all the ACT's are
    reflected in the latest one, in three queries: the drafts (without their text), the
    cells' levels, the count."""
    released = latest_drafts(on, limit=None)
    drafts = list(
        db.session.scalars(released.options(load_only(Draft.id, Draft.name, Draft.released_on)))
    )[::-1]
    cells = cell_levels([m.id for m in key_messages], [d.id for d in drafts]) if drafts else {}
    section = ActReflections(
        drafts=drafts,
        key_messages=key_messages,
        cells=cells,
        messages_total=messages_total or len(key_messages),
    )
    if act is not None and section.latest is not None:
        section.reflected = reflected_counts(section.latest.id, act.id).get(act.id, 0)
    return section


# The carry-through matrix: key messages (rows) by drafts (columns)


def _matrix_criteria(act_number: int | None) -> list[ColumnElement[bool]]:
    criteria: list[ColumnElement[bool]] = [KeyMessage.merged_into_id.is_(None)]
    if act_number is not None:
        criteria.append(Act.number == act_number)
    return criteria


def matrix_rows(act_number: int | None = None) -> Select:
    """The matrix's rows: active key messages (of one ACT, or all), with their ACT, by ACT
    number then in their place within it. Paginate it."""
    return (
        select(KeyMessage)
        .join(KeyMessage.act)
        .where(*_matrix_criteria(act_number))
        .options(contains_eager(KeyMessage.act))
        .order_by(*message_order())
    )


@dataclass(frozen=True)
class CellLevel:
    """What a matrix cell shows of a reflection."""

    level: Level
    state: ReflectionState

    @property
    def lost(self) -> bool:
        """Its paragraph was deleted: the level recorded before no longer holds."""
        return self.state == ReflectionState.LOST

    @property
    def effective_level(self) -> Level:
        """What the draft does for the message: nothing (absent) once its paragraph is gone."""
        return Level.ABSENT if self.lost else self.level


def cell_levels(
    key_message_ids: Iterable[int], draft_ids: Iterable[int]
) -> dict[tuple[int, int], CellLevel]:
    """{(key_message_id, draft_id): CellLevel} in one query of four columns.

    A missing key means nothing was recorded (or may be read) for that message in that draft."""
    rows = db.session.execute(
        select(
            Reflection.key_message_id, Reflection.draft_id, Reflection.level, Reflection.state
        ).where(
            Reflection.key_message_id.in_(list(key_message_ids)),
            Reflection.draft_id.in_(list(draft_ids)),
        )
    )
    return {
        (message_id, draft_id): CellLevel(Level(level), ReflectionState(state))
        for message_id, draft_id, level, state in rows
    }


def matrix_level_counts(
    draft_ids: Iterable[int], act_number: int | None = None
) -> tuple[dict[int, dict[Level, int]], dict[int, int]]:
    """How many of the matrix's key messages (all its pages) each draft reflects at each
    level, and how many it lost (their paragraph deleted: counted apart, at no level), in
    one GROUP BY query. Every draft id is a key, every Level too (0 when none)."""
    draft_ids = list(draft_ids)
    counts = {draft_id: dict.fromkeys(Level, 0) for draft_id in draft_ids}
    lost = dict.fromkeys(draft_ids, 0)
    rows = db.session.execute(
        select(Reflection.draft_id, Reflection.level, Reflection.state, func.count())
        .join(KeyMessage, KeyMessage.id == Reflection.key_message_id)
        .join(Act, Act.id == KeyMessage.act_id)
        .where(Reflection.draft_id.in_(draft_ids), *_matrix_criteria(act_number))
        .group_by(Reflection.draft_id, Reflection.level, Reflection.state)
    )
    for draft_id, level, state, count in rows:
        if state == ReflectionState.LOST:
            lost[draft_id] += count
        else:
            counts[draft_id][Level(level)] += count
    return counts, lost


@dataclass
class CarryThrough:
    drafts: list[Draft]
    key_messages: list[KeyMessage]
    cells: dict[tuple[int, int], CellLevel]
    counts: dict[int, dict[Level, int]]
    lost: dict[int, int]
    total: int  # key messages over all pages

    def not_assessed(self, draft_id: int) -> int:
        return self.total - sum(self.counts[draft_id].values()) - self.lost[draft_id]


def carry_through(
    key_messages: list[KeyMessage], total: int, act_number: int | None = None
) -> CarryThrough:
    """The matrix for one page of key messages: drafts in release order, each cell's level,
    and the counts per draft over every page, in three queries."""
    drafts = list(
        db.session.scalars(
            drafts_in_order().options(load_only(Draft.id, Draft.name, Draft.released_on))
        )
    )
    draft_ids = [d.id for d in drafts]
    counts, lost = matrix_level_counts(draft_ids, act_number)
    return CarryThrough(
        drafts=drafts,
        key_messages=key_messages,
        cells=cell_levels([m.id for m in key_messages], draft_ids),
        counts=counts,
        lost=lost,
        total=total,
    )
