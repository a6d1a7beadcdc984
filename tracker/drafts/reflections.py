"""How key messages are reflected in a draft: finding, proposing and recording reflections."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.core.conflicts import check_version, commit_or_conflict
from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.drafts.services import EXCERPT_MAX
from tracker.records.drafts import (
    Draft,
    DraftParagraph,
    Level,
    Reflection,
    ReflectionState,
)
from tracker.records.reports import KeyMessage
from tracker.text import ranking


def reflections_query(
    key_message_ids: Iterable[int] | None = None, draft_ids: Iterable[int] | None = None
) -> Select:
    """Reflections of those key messages in those drafts (None = all), with their paragraphs
    loaded (selectin, one extra query). Execute with db.session.scalars(...)."""
    query = select(Reflection).options(selectinload(Reflection.paragraphs))
    if key_message_ids is not None:
        query = query.where(Reflection.key_message_id.in_(list(key_message_ids)))
    if draft_ids is not None:
        query = query.where(Reflection.draft_id.in_(list(draft_ids)))
    return query


def reflections_for(
    key_message_ids: Iterable[int] | None, draft_ids: Iterable[int] | None
) -> dict[tuple[int, int], Reflection]:
    """{(key_message_id, draft_id): Reflection} in two queries (rows + paragraphs).

    A missing key means nothing was recorded for that message in that draft yet."""
    rows = db.session.scalars(reflections_query(key_message_ids, draft_ids)).all()
    return {(r.key_message_id, r.draft_id): r for r in rows}


def level_counts(
    draft_ids: Iterable[int], key_message_ids: Iterable[int] | None = None
) -> dict[int, dict[Level, int]]:
    """How many reflections per draft are at each level, in one query.

    Every draft id is present, every Level a key (0 when none). Messages with no
    reflection in a draft are not counted (the caller knows how many messages it shows)."""
    draft_ids = list(draft_ids)
    counts = {draft_id: {level: 0 for level in Level} for draft_id in draft_ids}
    query = (
        select(Reflection.draft_id, Reflection.level, func.count(Reflection.id))
        .where(Reflection.draft_id.in_(draft_ids))
        .group_by(Reflection.draft_id, Reflection.level)
    )
    if key_message_ids is not None:
        query = query.where(Reflection.key_message_id.in_(list(key_message_ids)))
    for draft_id, level, count in db.session.execute(query):
        counts[draft_id][Level(level)] = count
    return counts


def key_message_for_reflection(message_id: int) -> Select:
    return select(KeyMessage).where(KeyMessage.id == message_id).options(joinedload(KeyMessage.act))


def reflection_of(message_id: int, draft_id: int) -> Select:
    """The reflection of a key message in a draft, with what its page shows."""
    return (
        select(Reflection)
        .where(Reflection.key_message_id == message_id, Reflection.draft_id == draft_id)
        .options(
            selectinload(Reflection.paragraphs).joinedload(DraftParagraph.previous_paragraph),
            joinedload(Reflection.recorded_by),
            joinedload(Reflection.carried_from).joinedload(Reflection.draft),
        )
    )


@dataclass(frozen=True)
class Proposal:
    paragraph: DraftParagraph
    score: float


def propose_paragraphs(
    text: str, paragraphs: list[DraftParagraph], limit: int = 5
) -> list[Proposal]:
    """The paragraphs most likely to carry `text`, best first (tracker.text.ranking)."""
    return [
        Proposal(paragraphs[r.index], r.score) for r in ranking.rank(text, paragraphs, limit=limit)
    ]


def record_reflection(
    *,
    key_message: KeyMessage,
    draft: Draft,
    level: Level,
    paragraphs: list[DraftParagraph],
    excerpt: str | None = None,
    note: str | None = None,
    recorded_by=None,
    version: int | str | None = None,
) -> Reflection:
    """Create or update the reflection of `key_message` in `draft` (its state becomes
    current) and commit. For an existing reflection, `version` is the version the form was
    loaded at: a stale one raises tracker.conflicts.EditConflictError. `excerpt`/`note` None
    keeps what was there (a one-click record from a proposal)."""
    reflection = db.session.scalars(
        select(Reflection).where(
            Reflection.key_message_id == key_message.id, Reflection.draft_id == draft.id
        )
    ).first()
    if reflection is None:
        reflection = Reflection(key_message=key_message, draft=draft, excerpt="", note="")
        db.session.add(reflection)
    else:
        check_version(reflection, version)
    reflection.level = level
    reflection.state = ReflectionState.CURRENT
    reflection.paragraphs = [] if level == Level.ABSENT else list(paragraphs)
    if excerpt is not None:
        reflection.excerpt = excerpt
    elif level != Level.ABSENT and paragraphs and not reflection.excerpt:
        reflection.excerpt = paragraphs[0].text[:EXCERPT_MAX]
    if note is not None:
        reflection.note = note
    reflection.recorded_by = recorded_by
    reflection.recorded_at = utcnow()
    commit_or_conflict(reflection)
    return reflection


def record_proposal(
    *,
    key_message: KeyMessage,
    draft: Draft,
    level: Level,
    paragraph: DraftParagraph,
    recorded_by=None,
    version: int | str | None = None,
) -> Reflection:
    """One click on a proposed paragraph: the reflection now rests on that paragraph, quotes
    it, and its note starts afresh (a carried excerpt and note spoke of another paragraph)."""
    return record_reflection(
        key_message=key_message,
        draft=draft,
        level=level,
        paragraphs=[paragraph],
        excerpt=paragraph.text[:EXCERPT_MAX],
        note="",
        recorded_by=recorded_by,
        version=version,
    )


def paragraph_of(draft_id: int, paragraph_id: int) -> Select:
    """A paragraph of this draft (none when the id belongs to another draft)."""
    return select(DraftParagraph).where(
        DraftParagraph.id == paragraph_id, DraftParagraph.draft_id == draft_id
    )
