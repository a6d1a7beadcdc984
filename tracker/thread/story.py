"""A key message's story on one timeline: voiced in the group session, written in the
report, put to governments at the small table, followed up by actions, and its standing in
every draft up to the adopted text, with governments' positions in each negotiation round.
Every read goes through the reader's visibility filter."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only, selectinload

from tracker.core.extensions import db
from tracker.drafts.services import drafts_in_order
from tracker.positions.services import latest_by_government, positions_on_messages
from tracker.records.actions import Action
from tracker.records.agenda import MeetingSession
from tracker.records.drafts import Draft, Reflection
from tracker.records.notes import Note
from tracker.records.positions import RoundPosition
from tracker.records.reports import KeyMessage
from tracker.records.tables import TableOutcome
from tracker.tables.grids import stance_grid

STORY_NOTES = 3
STORY_OUTCOMES = 5
STORY_TABLES_READ = 30  # an ACT's small tables looked through for stances on the message
STORY_ACTIONS = 10


@dataclass
class Chapter:
    """One step of the story, dated so the steps can be put in order."""

    kind: str  # "session", "report", "table", "action", "draft"
    on: date | None
    record: object
    extra: dict = field(default_factory=dict)


def _day(moment) -> date | None:
    if isinstance(moment, datetime):
        return moment.date()
    return moment


def _position_chapters(message: KeyMessage) -> list[Chapter]:
    """One chapter per negotiation round: each government's latest position in it on the
    message (named, or through a paragraph that carries it), in one query."""
    by_round: dict[int, list[RoundPosition]] = {}
    for position in positions_on_messages([message.id])[message.id]:
        by_round.setdefault(position.milestone_id, []).append(position)
    return [
        Chapter(
            "position",
            taken[0].milestone.starts_on,
            taken[0].milestone,
            {"positions": latest_by_government(taken)},
        )
        for taken in by_round.values()
    ]


def story_of(message: KeyMessage, reader) -> list[Chapter]:
    """The chapters in date order (undated ones last), in at most seven queries."""

    chapters: list[Chapter] = []
    report = message.report
    if report is not None:
        session = report.session
        notes = db.session.scalars(
            select(Note)
            .where(Note.session_id == session.id)
            .where((Note.act_id == message.act_id) | Note.act_id.is_(None))
            .options(load_only(Note.id, Note.title, Note.updated_at, Note.published))
            .order_by(Note.created_at, Note.id)
            .limit(STORY_NOTES)
        ).all()
        chapters.append(Chapter("session", session.day, session, {"notes": notes}))
        chapters.append(Chapter("report", _day(report.accepted_at or report.submitted_at), report))
    # The ACT's small tables, then those with a stance on this message: the stances as the
    # reader reads them (an observer, those published with the outcome).
    outcomes = (
        db.session.scalars(
            select(TableOutcome)
            .join(TableOutcome.session)
            .where(TableOutcome.act_id == message.act_id)
            .options(
                joinedload(TableOutcome.session),
                selectinload(TableOutcome.governments),
                selectinload(TableOutcome.stances),
            )
            .order_by(MeetingSession.day, TableOutcome.id)
            .limit(STORY_TABLES_READ)
        )
        .unique()
        .all()
    )
    with_stance = [o for o in outcomes if any(s.key_message_id == message.id for s in o.stances)]
    for outcome in with_stance[:STORY_OUTCOMES]:
        grid = stance_grid(outcome, [message], reader)
        stances = [(row.label, row.cells[0]) for row in grid.rows if row.cells[0] is not None]
        chapters.append(Chapter("table", outcome.session.day, outcome, {"stances": stances}))
    actions = db.session.scalars(
        select(Action)
        .where(Action.key_message_id == message.id)
        .options(joinedload(Action.owner), joinedload(Action.organization))
        .order_by(Action.created_at, Action.id)
        .limit(STORY_ACTIONS)
    ).all()
    for action in actions:
        chapters.append(Chapter("action", _day(action.created_at), action))
    drafts = db.session.scalars(
        drafts_in_order().options(load_only(Draft.id, Draft.name, Draft.released_on))
    ).all()
    reflections = {
        reflection.draft_id: reflection
        for reflection in db.session.scalars(
            select(Reflection)
            .where(Reflection.key_message_id == message.id)
            .options(selectinload(Reflection.paragraphs))
        )
    }
    for draft in drafts:
        chapters.append(
            Chapter("draft", draft.released_on, draft, {"reflection": reflections.get(draft.id)})
        )
    chapters += _position_chapters(message)
    order = {"session": 0, "report": 1, "table": 2, "action": 3, "draft": 4, "position": 5}
    return sorted(chapters, key=lambda c: (c.on is None, c.on or date.min, order[c.kind]))
