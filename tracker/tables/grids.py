"""The stance grids readers see: governments (or, under the Chatham House rule, anonymous
labels) by key message, for the outcome, the ACT page and the session page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.core.extensions import db
from tracker.records import policy
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession
from tracker.records.publishing import anonymous_label, anonymous_order
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government, Stance, TableOutcome, in_reading_order
from tracker.tables.services import (
    active_key_messages,
    is_small_table,
    outcomes_of_act,
    outcomes_of_session,
    split_by_kind,
)


@dataclass
class GridRow:
    label: str
    government: Government | None  # None when the row is anonymised
    cells: list[Stance | None]


@dataclass
class StanceGrid:
    outcome: TableOutcome
    messages: list[KeyMessage]
    rows: list[GridRow]
    attributed: bool
    member_states: list[Government] = field(default_factory=list)
    agencies: list[Government] = field(default_factory=list)

    @property
    def has_stances(self) -> bool:
        return any(cell is not None for row in self.rows for cell in row.cells)


def stance_grid(outcome: TableOutcome, messages: list[KeyMessage], reader) -> StanceGrid:
    """Governments present (member states) x key messages, attributed or not for `reader`."""
    attributed = policy.may(reader, "see_attributions", outcome)
    states, agencies = split_by_kind(outcome.governments)
    by_cell = {(s.government_id, s.key_message_id): s for s in outcome.stances}
    ordered = in_reading_order(states) if attributed else anonymous_order(outcome.id, states)
    rows = [
        GridRow(
            label=government.display_name if attributed else anonymous_label(index),
            government=government if attributed else None,
            cells=[by_cell.get((government.id, message.id)) for message in messages],
        )
        for index, government in enumerate(ordered)
    ]
    return StanceGrid(
        outcome=outcome,
        messages=messages,
        rows=rows,
        attributed=attributed,
        member_states=states if attributed else [],
        agencies=agencies if attributed else [],
    )


def counts(outcome: TableOutcome) -> tuple[int, int]:
    states, agencies = split_by_kind(outcome.governments)
    return len(states), len(agencies)


ACT_PAGE_OUTCOMES = 3


def for_act(
    act: Act,
    reader,
    messages: Sequence[KeyMessage] | None = None,
    latest: int = ACT_PAGE_OUTCOMES,
) -> list[StanceGrid]:
    """The ACT's `latest` small-table outcomes, oldest first, each as a stance grid on
    `messages` (by default the ACT's active key messages) as `reader` reads it, in three to
    four queries."""
    outcomes = (
        db.session.scalars(
            outcomes_of_act(act.id)
            .order_by(None)
            .order_by(
                MeetingSession.day.desc(), MeetingSession.starts_at.desc(), TableOutcome.id.desc()
            )
            .limit(latest)
        )
        .unique()
        .all()
    )
    if not outcomes:
        return []
    if messages is None:
        messages = db.session.scalars(active_key_messages(act.id)).all()
    return [stance_grid(outcome, list(messages), reader) for outcome in reversed(outcomes)]


@dataclass
class SessionTables:
    session: MeetingSession
    outcomes: list[TableOutcome]
    acts_to_record: list[Act]


def for_session(session: MeetingSession) -> SessionTables | None:
    """The outcome(s) of a small table, and the ACTs whose outcome is still to record.

    None when the session is not a small table.
    """
    if not is_small_table(session):
        return None
    outcomes = db.session.scalars(outcomes_of_session(session.id)).unique().all()
    recorded = {outcome.act_id for outcome in outcomes}
    return SessionTables(
        session=session,
        outcomes=list(outcomes),
        acts_to_record=[act for act in session.acts if act.id not in recorded],
    )
