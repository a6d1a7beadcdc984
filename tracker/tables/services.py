"""Small-table outcomes: record them, the stances taken, and the grids readers see.

Queries return `select()` objects; writes commit once, here. Under the Chatham House rule
a reader who may not see attributions gets the grid with its rows relabelled
"Government A", "Government B"... in an order derived from a keyed hash, so neither the
labels nor the order give the names away (the same labels as tracker.records.publishing gives an
observer's outcome).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.exc import StaleDataError

from tracker.core.conflicts import (
    ConflictField,
    EditConflictError,
    check_version,
    commit_or_conflict,
)
from tracker.core.extensions import db
from tracker.core.labels import POSITIONS
from tracker.core.models import utcnow
from tracker.records import publishing
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, SessionKind
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government, GovernmentKind, Position, Stance, TableOutcome

# ---------------------------------------------------------------------------------------------
# Queries


def outcome_with_details(outcome_id: int) -> Select:
    return (
        select(TableOutcome)
        .where(TableOutcome.id == outcome_id)
        .options(
            joinedload(TableOutcome.act),
            joinedload(TableOutcome.session),
            selectinload(TableOutcome.governments),
            selectinload(TableOutcome.stances),
        )
    )


def outcomes_of_act(act_id: int) -> Select:
    return (
        select(TableOutcome)
        .where(TableOutcome.act_id == act_id)
        .options(
            joinedload(TableOutcome.session),
            selectinload(TableOutcome.governments),
            selectinload(TableOutcome.stances),
        )
        .join(TableOutcome.session)
        .order_by(MeetingSession.day, MeetingSession.starts_at, TableOutcome.id)
    )


def outcomes_of_session(session_id: int) -> Select:
    return (
        select(TableOutcome)
        .where(TableOutcome.session_id == session_id)
        .options(joinedload(TableOutcome.act), selectinload(TableOutcome.governments))
        .join(TableOutcome.act)
        .order_by(Act.number)
    )


def active_key_messages(act_id: int) -> Select:
    """The ACT's key messages that were not merged into another, in their ranked order."""
    return (
        select(KeyMessage)
        .where(KeyMessage.act_id == act_id, KeyMessage.merged_into_id.is_(None))
        .order_by(KeyMessage.rank, KeyMessage.id)
    )


def governments_in_order() -> Select:
    return select(Government).order_by(Government.name)


OUTCOME_GRID_MESSAGES = 100


def messages_with_stances(outcome: TableOutcome) -> Select:
    """The active key messages some government took a stance on at this table, in rank order
    (the outcome page's grid: not every key message of the ACT). The stances are the
    outcome's as the reader reads them: the published ones, for observers."""
    return (
        select(KeyMessage)
        .where(
            KeyMessage.merged_into_id.is_(None),
            KeyMessage.id.in_({stance.key_message_id for stance in outcome.stances}),
        )
        .order_by(KeyMessage.rank, KeyMessage.id)
        .limit(OUTCOME_GRID_MESSAGES)
    )


def split_by_kind(
    governments: Sequence[Government],
) -> tuple[list[Government], list[Government]]:
    """(member states, UN agencies)."""
    states = [g for g in governments if g.kind == GovernmentKind.MEMBER_STATE]
    agencies = [g for g in governments if g.kind == GovernmentKind.UN_AGENCY]
    return states, agencies


def is_small_table(session: MeetingSession) -> bool:
    return session.kind == SessionKind.SMALL_TABLE


# ---------------------------------------------------------------------------------------------
# Writes


@dataclass
class OutcomeFields:
    government_ids: list[int]
    agency_ids: list[int]
    civil_society_participants: str
    summary: str
    commitments: str
    follow_ups: str
    chatham_house: bool


def one_per_line(text: str) -> str:
    """Participants as typed, one per line: blank lines dropped, any line ending kept as one."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _governments(ids: list[int]) -> list[Government]:
    if not ids:
        return []
    return list(db.session.scalars(select(Government).where(Government.id.in_(ids))))


def _apply(outcome: TableOutcome, fields: OutcomeFields) -> None:
    outcome.governments = _governments([*fields.government_ids, *fields.agency_ids])
    outcome.civil_society_participants = one_per_line(fields.civil_society_participants)
    outcome.summary = fields.summary
    outcome.commitments = fields.commitments
    outcome.follow_ups = fields.follow_ups
    outcome.chatham_house = fields.chatham_house
    # A government no longer present takes its stances with it.
    present = set(fields.government_ids)
    outcome.stances = [s for s in outcome.stances if s.government_id in present]


def record_outcome(
    session: MeetingSession, act: Act, recorder, fields: OutcomeFields, share: bool = False
):
    """A new outcome, civil society only unless the coordinator shares it at once."""
    outcome = TableOutcome(session=session, act=act, recorded_by_id=recorder.id)
    outcome.stances = []
    _apply(outcome, fields)
    db.session.add(outcome)
    db.session.flush()
    if share:
        publishing.publish(outcome, recorder, _summary(outcome))
    db.session.commit()
    return outcome


def update_outcome(
    outcome: TableOutcome, fields: OutcomeFields, version, editor, share: bool = False
) -> None:
    """Save an edit; governments read it only if `share` (publishing this version)."""
    try:
        check_version(outcome, version)
        _apply(outcome, fields)
        db.session.flush()
        if share:
            publishing.publish(outcome, editor, _summary(outcome))
        commit_or_conflict(outcome)
    except (EditConflictError, StaleDataError):
        db.session.rollback()
        raise EditConflictError(outcome, outcome_differences(outcome, fields)) from None


def outcome_differences(outcome: TableOutcome, mine: OutcomeFields) -> list[ConflictField]:
    """The fields where the saved outcome and what the user typed differ."""
    names = {g.id: g.display_name for g in outcome.governments}
    mine_names = {
        g.id: g.display_name for g in _governments([*mine.government_ids, *mine.agency_ids])
    }

    def listed(ids, lookup) -> str:
        return "\n".join(sorted(lookup.get(i, str(i)) for i in ids))

    states, agencies = split_by_kind(outcome.governments)
    pairs = [
        (
            _("Governments present"),
            listed(mine.government_ids, mine_names),
            listed([g.id for g in states], names),
        ),
        (
            _("UN agencies present"),
            listed(mine.agency_ids, mine_names),
            listed([g.id for g in agencies], names),
        ),
        (
            _("Civil-society participants"),
            mine.civil_society_participants,
            outcome.civil_society_participants,
        ),
        (_("Summary"), mine.summary, outcome.summary),
        (_("Commitments made"), mine.commitments, outcome.commitments),
        (_("Follow-ups"), mine.follow_ups, outcome.follow_ups),
        (
            _("Chatham House rule"),
            _("Yes") if mine.chatham_house else _("No"),
            _("Yes") if outcome.chatham_house else _("No"),
        ),
    ]
    return [
        ConflictField(label=label, mine=m, theirs=t)
        for label, m, t in pairs
        if m.strip() != t.strip()
    ]


Cell = tuple[Position | None, str]


def save_stances(
    outcome: TableOutcome, cells: dict[tuple[int, int], Cell], version, describe
) -> bool:
    """Replace the outcome's stances for the grid's cells, all at once.

    `cells` maps (government id, key message id) to (position or None, note); a cell without
    a position removes the stance. The outcome's version moves when anything changed, so a
    stale stance form (or edit form) meets a conflict. Returns whether anything changed.
    """
    try:
        check_version(outcome, version)
        existing = {(s.government_id, s.key_message_id): s for s in outcome.stances}
        changed = False
        for key, (position, note) in cells.items():
            stance = existing.get(key)
            note = (note or "").strip()
            if position is None:
                if stance is not None:
                    outcome.stances.remove(stance)
                    changed = True
            elif stance is None:
                outcome.stances.append(
                    Stance(
                        government_id=key[0], key_message_id=key[1], position=position, note=note
                    )
                )
                changed = True
            elif stance.position != position or stance.note != note:
                stance.position = position
                stance.note = note
                changed = True
        if changed:
            outcome.updated_at = utcnow()  # an UPDATE of the outcome moves its version
            commit_or_conflict(outcome)
        return changed
    except EditConflictError:
        db.session.rollback()
        saved = {(s.government_id, s.key_message_id): (s.position, s.note) for s in outcome.stances}
        mine = {key: value for key, value in cells.items() if value[0] is not None}
        field = ConflictField(label=_("Stances"), mine=describe(mine), theirs=describe(saved))
        raise EditConflictError(outcome, [field]) from None


def describe_stances(
    cells: dict[tuple[int, int], Cell], governments: dict[int, str], messages: dict[int, int]
) -> str:
    """One line per stance, "Mexico, message 2: Supportive (note)", for the conflict page."""
    lines = []
    for (government_id, message_id), (position, note) in cells.items():
        if position is None or government_id not in governments or message_id not in messages:
            continue
        line = _(
            "%(government)s, message %(number)d: %(position)s",
            government=governments[government_id],
            number=messages[message_id],
            position=POSITIONS[position],
        )
        lines.append(f"{line} ({note})" if note else line)
    return "\n".join(sorted(lines))


def publish_outcome(outcome: TableOutcome, actor) -> None:
    """Governments read the outcome as it stands (stances included); open edit forms don't
    go stale for it."""
    publishing.publish(outcome, actor, _summary(outcome))
    db.session.commit()


def withdraw_outcome(outcome: TableOutcome, actor) -> None:
    publishing.withdraw(outcome, actor, _summary(outcome))
    db.session.commit()


def _summary(outcome: TableOutcome) -> str:
    return _("Small table on ACT %(number)d: outcome", number=outcome.act.number)
