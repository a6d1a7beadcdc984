"""A government's (or a group's) page: its stances at the small tables and its positions
round by round, per ACT and key message, with the trend from its first position to its
last. Every read goes through the reader's visibility filter: an observer reads published
positions and published outcomes only, and never a stance of a table held under the
Chatham House rule (that would tie a name to it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.core.extensions import db
from tracker.core.labels import STANDS
from tracker.positions.services import rounds_in_order
from tracker.records import policy
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, Milestone
from tracker.records.positions import RoundPosition, Stand
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government, GovernmentKind, Stance, TableOutcome

GOVERNMENT_POSITIONS = 300
GOVERNMENT_TABLES = 20
# From the least to the most favourable; silence says nothing of a trend.
FAVOUR = {Stand.OPPOSES: 0, Stand.RESERVES: 1, Stand.AMENDS: 2, Stand.SUPPORTS: 3}


@dataclass
class SubjectRow:
    """What the government said, round by round, on one key message or paragraph."""

    act: Act
    message: KeyMessage | None
    paragraph_ref: str
    by_round: dict[int, RoundPosition] = field(default_factory=dict)
    taken: list[RoundPosition] = field(default_factory=list)

    @property
    def trend(self) -> str:
        """ "moved from Opposes to Supports", "held: Supports", or "" (one position)."""
        stands = [p.stand for p in self.taken if p.stand in FAVOUR]
        if len(stands) < 2:
            return ""
        first, last = stands[0], stands[-1]
        if first == last:
            return _("held: %(stand)s", stand=STANDS[last])
        return _("moved from %(before)s to %(after)s", before=STANDS[first], after=STANDS[last])

    @property
    def direction(self) -> str:
        stands = [p.stand for p in self.taken if p.stand in FAVOUR]
        if len(stands) < 2:
            return ""
        change = FAVOUR[stands[-1]] - FAVOUR[stands[0]]
        return "up" if change > 0 else "down" if change < 0 else "same"


@dataclass
class TableStances:
    outcome: TableOutcome
    stances: list[tuple[KeyMessage, Stance]]


@dataclass
class GovernmentPage:
    government: Government
    rounds: list[Milestone]  # those with a position, first to last
    numbers: dict[int, int]  # each round's number (milestone id -> 1..6)
    rows: list[SubjectRow]
    tables: list[TableStances]
    truncated: bool


def government_page(government: Government, reader) -> GovernmentPage:
    """Everything on the page in six queries, whatever the number of positions or tables."""
    rounds = list(db.session.scalars(rounds_in_order()))
    positions = db.session.scalars(
        select(RoundPosition)
        .join(RoundPosition.milestone)
        .where(RoundPosition.government_id == government.id)
        .options(joinedload(RoundPosition.act), joinedload(RoundPosition.key_message))
        .order_by(Milestone.starts_on, RoundPosition.stated_on, RoundPosition.id)
        .limit(GOVERNMENT_POSITIONS + 1)
    ).all()
    truncated = len(positions) > GOVERNMENT_POSITIONS
    rows: dict[tuple, SubjectRow] = {}
    for position in positions[:GOVERNMENT_POSITIONS]:
        message = position.key_message
        key = (
            position.act_id,
            message.id if message else None,
            "" if message else position.paragraph_ref,
        )
        row = rows.setdefault(key, SubjectRow(position.act, message, position.paragraph_ref))
        row.by_round[position.milestone_id] = position
        row.taken.append(position)
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            r.act.number,
            r.message is None,
            r.message.rank if r.message else 0,
            r.paragraph_ref,
        ),
    )
    return GovernmentPage(
        government=government,
        rounds=[r for r in rounds if any(r.id in row.by_round for row in ordered)],
        numbers={r.id: number for number, r in enumerate(rounds, start=1)},
        rows=ordered,
        tables=_table_stances(government, reader),
        truncated=truncated,
    )


def _table_stances(government: Government, reader) -> list[TableStances]:
    """The small tables where the government took a stance, as the reader reads them; for a
    reader who may not see attributions, none of a table under the Chatham House rule."""
    outcomes = (
        db.session.scalars(
            select(TableOutcome)
            .join(TableOutcome.session)
            .where(TableOutcome.governments.any(Government.id == government.id))
            .options(
                joinedload(TableOutcome.act),
                joinedload(TableOutcome.session),
                selectinload(TableOutcome.stances),
            )
            .order_by(MeetingSession.day, TableOutcome.id)
            .limit(GOVERNMENT_TABLES)
        )
        .unique()
        .all()
    )
    found = [
        (outcome, [s for s in outcome.stances if s.government_id == government.id])
        for outcome in outcomes
        if policy.may(reader, "see_attributions", outcome)
    ]
    ids = {stance.key_message_id for _outcome, stances in found for stance in stances}
    messages = {
        message.id: message
        for message in db.session.scalars(select(KeyMessage).where(KeyMessage.id.in_(ids)))
    }
    return [
        TableStances(
            outcome,
            [(messages[s.key_message_id], s) for s in stances if s.key_message_id in messages],
        )
        for outcome, stances in found
        if stances
    ]


def governments_with_counts() -> tuple[list[Government], list[Government], dict[int, int]]:
    """(groups, member states, {government id: positions the reader may read}) in two
    queries."""
    parties = db.session.scalars(
        select(Government)
        .where(Government.kind != GovernmentKind.UN_AGENCY)
        .order_by(Government.name)
    ).all()
    counts = dict(
        db.session.execute(
            select(RoundPosition.government_id, func.count(RoundPosition.id)).group_by(
                RoundPosition.government_id
            )
        ).all()
    )
    groups = [g for g in parties if g.kind == GovernmentKind.GROUP]
    states = [g for g in parties if g.kind == GovernmentKind.MEMBER_STATE]
    return groups, states, counts
