"""The API's and the exports' queries: every one goes through the reader's filter, so a
token reads what its owner reads, and observers the published snapshots."""

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from tracker.core.extensions import db
from tracker.records.actions import Action
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Speaker
from tracker.records.drafts import Draft, Reflection
from tracker.records.positions import RoundPosition
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import Government, TableOutcome

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class BadCursorError(ValueError):
    """A cursor this API did not hand out."""


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"id:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, value = raw.partition(":")
        if kind != "id" or not value.isdigit() or len(value) > 18:
            raise BadCursorError(cursor)
        return int(value)
    except (binascii.Error, ValueError) as error:  # not base64, not ASCII, not UTF-8
        raise BadCursorError(cursor) from error


@dataclass
class Page:
    items: list[Any]
    next_cursor: str | None


def page_of(statement: Select, model, cursor: str | None, limit: int | None) -> Page:
    """One page of `statement` in id order after the cursor, and the next page's cursor."""
    size = min(limit or DEFAULT_LIMIT, MAX_LIMIT)
    rows = list(
        db.session.scalars(
            statement.where(model.id > decode_cursor(cursor)).order_by(model.id).limit(size + 1)
        ).unique()
    )
    more = len(rows) > size
    items = rows[:size]
    return Page(items, encode_cursor(items[-1].id) if more and items else None)


def _act_filter(statement: Select, model, act: int | None) -> Select:
    if act is not None:
        statement = statement.where(model.act_id.in_(select(Act.id).where(Act.number == act)))
    return statement


def acts() -> Select:
    return select(Act).order_by(Act.number)


def meetings() -> Select:
    return select(Meeting).order_by(Meeting.starts_on, Meeting.id)


def agenda_items(slug: str) -> Select:
    return (
        select(MeetingSession)
        .join(Meeting)
        .where(Meeting.slug == slug)
        .options(
            selectinload(MeetingSession.acts),
            selectinload(MeetingSession.meeting),
            selectinload(MeetingSession.speakers).joinedload(Speaker.organization),
        )
        .order_by(MeetingSession.day, MeetingSession.starts_at, MeetingSession.position)
    )


def key_messages(act: int | None = None) -> Select:
    statement = select(KeyMessage).options(selectinload(KeyMessage.act))
    return _act_filter(statement, KeyMessage, act)


def with_reflections(messages: list[KeyMessage]) -> list[dict]:
    """Each message with its standing in each draft, in one more query."""
    ids = [message.id for message in messages]
    by_message: dict[int, list[Reflection]] = {}
    if ids:
        statement = (
            select(Reflection)
            .join(Draft)
            .where(Reflection.key_message_id.in_(ids))
            .order_by(Draft.released_on, Draft.id)
        )
        for reflection in db.session.scalars(statement):
            by_message.setdefault(reflection.key_message_id, []).append(reflection)
    return [
        {
            "id": message.id,
            "act": message.act,
            "text": message.text,
            "rank": message.rank,
            "report_id": message.report_id,
            "merged_into_id": message.merged_into_id,
            "reflections": by_message.get(message.id, []),
        }
        for message in messages
    ]


def reports(act: int | None = None, status: str | None = None) -> Select:
    statement = select(Report).options(selectinload(Report.act), selectinload(Report.priorities))
    if status:
        statement = statement.where(Report.status == status)
    return _act_filter(statement, Report, act)


def outcomes(act: int | None = None) -> Select:
    statement = select(TableOutcome).options(
        selectinload(TableOutcome.act),
        selectinload(TableOutcome.governments),
        selectinload(TableOutcome.stances),
    )
    return _act_filter(statement, TableOutcome, act)


def outcome_as_read(outcome: TableOutcome) -> dict:
    """An outcome as its reader reads it: under the Chatham House rule observers get the
    anonymous labels the policy put in place of the governments, and no government's id."""
    names = {government.id: government.name for government in outcome.governments}
    return {
        "id": outcome.id,
        "act": outcome.act,
        "session_id": outcome.session_id,
        "chatham_house": outcome.chatham_house,
        "governments": [government.name for government in outcome.governments],
        "summary": outcome.summary,
        "commitments": outcome.commitments,
        "follow_ups": outcome.follow_ups,
        "stances": [
            {
                "government": names.get(stance.government_id, ""),
                "key_message_id": stance.key_message_id,
                "position": stance.position,
            }
            for stance in outcome.stances
            if stance.government_id in names
        ],
    }


def actions(act: int | None = None, status: str | None = None) -> Select:
    statement = select(Action).options(
        selectinload(Action.act),
        selectinload(Action.owner),
        selectinload(Action.organization),
        selectinload(Action.milestone),
    )
    if status:
        statement = statement.where(Action.status == status)
    return _act_filter(statement, Action, act)


def drafts() -> Select:
    return (
        select(Draft).options(selectinload(Draft.milestone)).order_by(Draft.released_on, Draft.id)
    )


def draft(draft_id: int) -> Select:
    return (
        select(Draft)
        .where(Draft.id == draft_id)
        .options(selectinload(Draft.milestone), selectinload(Draft.paragraphs))
    )


def positions(act: int | None = None, government: int | None = None) -> Select:
    """Governments' positions in the rounds (observers: the published ones, as published)."""
    statement = select(RoundPosition).options(
        selectinload(RoundPosition.milestone),
        selectinload(RoundPosition.government),
        selectinload(RoundPosition.act),
    )
    if government is not None:
        statement = statement.where(RoundPosition.government_id == government)
    return _act_filter(statement, RoundPosition, act)


def governments() -> Select:
    return select(Government)


def matrix(act: int | None = None) -> tuple[list[Draft], list[dict]]:
    """The carry-through matrix: each active key message's level and excerpt in each draft."""
    drafts_ = list(db.session.scalars(drafts()))
    statement = key_messages(act).where(KeyMessage.merged_into_id.is_(None))
    messages = list(db.session.scalars(statement.order_by(KeyMessage.act_id, KeyMessage.id)))
    rows = []
    for message in with_reflections(messages):
        rows.append(
            {
                "key_message_id": message["id"],
                "act": message["act"].number,
                "text": message["text"],
                "levels": {str(r.draft_id): str(r.level) for r in message["reflections"]},
                "excerpts": {str(r.draft_id): r.excerpt for r in message["reflections"]},
            }
        )
    return drafts_, rows
