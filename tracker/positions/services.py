"""Governments' positions in the negotiation rounds: find what a member typed (a government
by part of its name, a paragraph by its reference), record, correct, publish.

Queries return `select()` objects; writes commit once, here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError

from tracker.core.conflicts import (
    ConflictField,
    EditConflictError,
    check_version,
    commit_or_conflict,
)
from tracker.core.extensions import db
from tracker.core.labels import POSITION_SOURCES, STANDS
from tracker.records import publishing
from tracker.records.agenda import Milestone, MilestoneKind
from tracker.records.drafts import Draft, DraftParagraph, Reflection, reflection_paragraph
from tracker.records.positions import PositionSource, RoundPosition, Stand
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government, GovernmentKind

ROUND_RECENT = 10  # the entries of the round shown under the form
RELATED_POSITIONS = 500  # positions read for a page about an ACT or a key message

# ---------------------------------------------------------------------------------------------
# Queries


def rounds_in_order() -> Select:
    """The negotiation rounds, first to last."""
    return (
        select(Milestone)
        .where(Milestone.kind == MilestoneKind.NEGOTIATION)
        .order_by(Milestone.starts_on, Milestone.id)
    )


def current_round(rounds: Sequence[Milestone], today: date) -> Milestone | None:
    """The round under way or the last one before `today` (else the first to come)."""
    started = [item for item in rounds if item.starts_on <= today]
    if started:
        return started[-1]
    return rounds[0] if rounds else None


def negotiating_parties() -> Select:
    """Who takes positions: groups first, then the member states, by name."""
    return (
        select(Government)
        .where(Government.kind.in_([GovernmentKind.GROUP, GovernmentKind.MEMBER_STATE]))
        .order_by(Government.kind == GovernmentKind.MEMBER_STATE, Government.name)
    )


def draft_under_negotiation(milestone: Milestone) -> Select:
    """The draft on the table in a round: the latest released before it started."""
    return (
        select(Draft)
        .where(Draft.released_on <= milestone.starts_on)
        .order_by(Draft.released_on.desc(), Draft.id.desc())
        .limit(1)
    )


def active_key_messages() -> Select:
    return (
        select(KeyMessage)
        .where(KeyMessage.merged_into_id.is_(None))
        .options(joinedload(KeyMessage.act))
        .order_by(KeyMessage.act_id, KeyMessage.rank, KeyMessage.id)
    )


def _with_details(statement: Select) -> Select:
    return statement.options(
        joinedload(RoundPosition.government),
        joinedload(RoundPosition.milestone),
        joinedload(RoundPosition.act),
        joinedload(RoundPosition.key_message),
    )


def position_with_details(position_id: int) -> Select:
    return _with_details(select(RoundPosition).where(RoundPosition.id == position_id))


def recent_in_round(milestone_id: int) -> Select:
    """The latest entries of a round, newest first."""
    return _with_details(
        select(RoundPosition)
        .where(RoundPosition.milestone_id == milestone_id)
        .order_by(RoundPosition.created_at.desc(), RoundPosition.id.desc())
        .limit(ROUND_RECENT)
    )


@dataclass
class PositionFilter:
    milestone_id: int | None = None
    act_id: int | None = None
    government_id: int | None = None


def positions_list(chosen: PositionFilter) -> Select:
    """Every position the reader may read, by round, ACT, key message and government."""
    statement = select(RoundPosition)
    if chosen.milestone_id:
        statement = statement.where(RoundPosition.milestone_id == chosen.milestone_id)
    if chosen.act_id:
        statement = statement.where(RoundPosition.act_id == chosen.act_id)
    if chosen.government_id:
        statement = statement.where(RoundPosition.government_id == chosen.government_id)
    return _with_details(
        statement.join(RoundPosition.milestone)
        .join(RoundPosition.government)
        .order_by(
            Milestone.starts_on.desc(),
            RoundPosition.act_id,
            RoundPosition.key_message_id,
            RoundPosition.paragraph_ref,
            Government.name,
            RoundPosition.id,
        )
    )


def positions_on_messages(message_ids: Iterable[int]) -> dict[int, list[RoundPosition]]:
    """{key message id: the positions on it, in the order they were taken (round, day,
    entry)}, in one query, whatever the number of messages or positions.

    A position is on a message when it names it, or names no message and a paragraph that
    carries the message in some draft (the paragraphs of the message's reflections)."""
    ids = list(message_ids)
    found: dict[int, list[RoundPosition]] = {message_id: [] for message_id in ids}
    if not ids:
        return found
    through_paragraph = Reflection.key_message_id
    rows = db.session.execute(
        select(RoundPosition, through_paragraph)
        .join(RoundPosition.milestone)
        .outerjoin(
            reflection_paragraph,
            (reflection_paragraph.c.paragraph_id == RoundPosition.paragraph_id)
            & RoundPosition.key_message_id.is_(None),
        )
        .outerjoin(
            Reflection,
            (Reflection.id == reflection_paragraph.c.reflection_id)
            & Reflection.key_message_id.in_(ids),
        )
        .where(or_(RoundPosition.key_message_id.in_(ids), through_paragraph.is_not(None)))
        .options(joinedload(RoundPosition.government), joinedload(RoundPosition.milestone))
        .order_by(Milestone.starts_on, RoundPosition.stated_on, RoundPosition.id)
        .limit(RELATED_POSITIONS)
    ).unique()
    for position, message_id in rows:
        found[position.key_message_id or message_id].append(position)
    return found


def latest_by_government(positions: Iterable[RoundPosition]) -> list[RoundPosition]:
    """Each government's latest position (positions in the order they were taken), by
    government name."""
    latest = {position.government_id: position for position in positions}
    return sorted(latest.values(), key=lambda position: folded(position.government.display_name))


# ---------------------------------------------------------------------------------------------
# What a member typed


def folded(text: str) -> str:
    """Lower case, without accents or punctuation: "Côte d'Ivoire" -> "cote divoire"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", "", plain).split())


class NoMatchError(ValueError):
    """What was typed names no government, or several: `candidates` says which."""

    def __init__(self, candidates: list[str]) -> None:
        super().__init__(", ".join(candidates))
        self.candidates = candidates


def match_government(typed: str, parties: Sequence[Government]) -> Government:
    """The government or group whose name (or acronym in brackets) was typed, in full or in
    part: exact first, then a unique start, then a unique part of the name."""
    wanted = folded(typed)
    if not wanted:
        raise NoMatchError([])
    # Its name as the workspace lists it and as the reader reads it (French, Spanish).
    names = {party.id: {folded(party.name), folded(party.display_name)} for party in parties}
    acronyms = {
        party.id: {
            folded(found.group(1))
            for name in (party.name, party.display_name)
            if (found := re.search(r"\(([^)]+)\)\s*$", name))
        }
        for party in parties
    }
    for test in (
        lambda pid: wanted in names[pid] or wanted in acronyms[pid],
        lambda pid: any(name.startswith(wanted) for name in names[pid]),
        lambda pid: any(wanted in name for name in names[pid]),
    ):
        matches = [party for party in parties if test(party.id)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NoMatchError([party.display_name for party in matches[:6]])
    raise NoMatchError([])


def normal_ref(ref: str) -> str:
    """A paragraph reference as compared: "¶ 21 (c)", "para. 21(c)" and "21(C)" are alike."""
    text = folded(ref.replace("¶", " "))
    text = re.sub(r"^(paragraph|para|par|párrafo|parrafo|paragraphe)\b", "", text)
    return text.replace(" ", "")


def paragraphs_of(draft_id: int) -> Select:
    """A draft's paragraphs (headings too, by their numbering: "Objective 5")."""
    return (
        select(DraftParagraph)
        .where(DraftParagraph.draft_id == draft_id)
        .order_by(DraftParagraph.position)
    )


def paragraph_by_ref(paragraphs: Iterable[DraftParagraph], ref: str) -> DraftParagraph | None:
    wanted = normal_ref(ref)
    return next((p for p in paragraphs if normal_ref(p.ref) == wanted), None)


# ---------------------------------------------------------------------------------------------
# Writes


@dataclass
class PositionFields:
    milestone_id: int
    government_id: int
    act_id: int
    key_message_id: int | None
    paragraph_ref: str
    paragraph_id: int | None
    stand: Stand
    amendment: str
    source: PositionSource
    stated_on: date
    note: str


def _apply(position: RoundPosition, fields: PositionFields) -> None:
    position.milestone_id = fields.milestone_id
    position.government_id = fields.government_id
    position.act_id = fields.act_id
    position.key_message_id = fields.key_message_id
    position.paragraph_ref = fields.paragraph_ref
    position.paragraph_id = fields.paragraph_id
    position.stand = fields.stand
    position.amendment = fields.amendment if fields.stand == Stand.AMENDS else ""
    position.source = fields.source
    position.stated_on = fields.stated_on
    position.note = fields.note


def record_position(recorder, fields: PositionFields, share: bool = False) -> RoundPosition:
    """A new position, civil society only unless a coordinator shares it at once."""
    position = RoundPosition(recorded_by_id=recorder.id)
    _apply(position, fields)
    db.session.add(position)
    db.session.flush()
    if share:
        publishing.publish(position, recorder, summary_of(position))
    db.session.commit()
    return position


def update_position(
    position: RoundPosition, fields: PositionFields, version, editor, share: bool = False
) -> None:
    """Save a correction; governments read it only if `share` (publishing this version)."""
    try:
        check_version(position, version)
        _apply(position, fields)
        db.session.flush()
        if share:
            publishing.publish(position, editor, summary_of(position))
        commit_or_conflict(position)
    except (EditConflictError, StaleDataError):
        db.session.rollback()
        government = db.session.get(Government, fields.government_id)
        mine = _line(government.display_name if government else "", fields)
        field = ConflictField(label=_("Position"), mine=mine, theirs=describe(position))
        raise EditConflictError(position, [field]) from None


def publish_position(position: RoundPosition, actor) -> None:
    publishing.publish(position, actor, summary_of(position))
    db.session.commit()


def withdraw_position(position: RoundPosition, actor) -> None:
    publishing.withdraw(position, actor, summary_of(position))
    db.session.commit()


def summary_of(position: RoundPosition) -> str:
    return _("Position of %(government)s", government=position.government.display_name)


def describe(position: RoundPosition) -> str:
    """ "Mexico · Supports · 21(c) · Informal consultations (note)": one line for a reader."""
    return _line(position.government.display_name, position)


def _line(government: str, position: RoundPosition | PositionFields) -> str:
    parts = [government, str(STANDS[position.stand])]
    if position.paragraph_ref:
        parts.append(position.paragraph_ref)
    parts.append(str(POSITION_SOURCES[position.source]))
    line = " · ".join(parts)
    if position.amendment and position.stand == Stand.AMENDS:
        line += f" — {position.amendment}"
    return f"{line} ({position.note})" if position.note else line
