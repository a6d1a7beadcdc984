"""Drafts and their paragraphs: adding a draft (split, aligned with the previous one, the
reflections carried forward), and what the drafts' pages read. (Reflections themselves are
in `tracker.drafts.reflections`; the matrix is the thread's.)

Visibility: Reflection follows its key message, so for observers every query here leaves
out reflections of civil-society-only key messages.
"""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, func, select

from tracker.core.extensions import db
from tracker.drafts import carrying
from tracker.records.acts import Act
from tracker.records.drafts import (
    Draft,
    DraftParagraph,
    ParagraphChange,
)
from tracker.records.events import draft_added
from tracker.records.reports import KeyMessage
from tracker.text import alignment
from tracker.text.splitting import split_text

MAX_PARAGRAPHS = 2000
EXCERPT_MAX = 600


def drafts_in_order() -> Select:
    """All drafts, oldest release first (ties by id): the matrix's columns."""
    return select(Draft).order_by(Draft.released_on, Draft.id)


def latest_drafts(on: date, limit: int | None = 2) -> Select:
    """The drafts out on `on` (released on or before it), newest release first (ties by id):
    [latest, previous, ...]. Pass the workspace's today: a draft released after it is not yet
    out, so it is never "the latest draft". `limit=None` gives them all."""
    return (
        select(Draft)
        .where(Draft.released_on <= on)
        .order_by(Draft.released_on.desc(), Draft.id.desc())
        .limit(limit)
    )


class EmptyDraftError(ValueError):
    """The text has no paragraph to split."""


class TooManyParagraphsError(ValueError):
    """More paragraphs than a draft may have."""


def previous_draft_for(released_on: date, exclude_id: int | None = None) -> Draft | None:
    """The draft a new one released on `released_on` follows: the latest released on or
    before that day."""
    query = latest_drafts(released_on, limit=1)
    if exclude_id is not None:
        query = query.where(Draft.id != exclude_id)
    return db.session.scalars(query).first()


def name_taken(name: str) -> bool:
    return (
        db.session.execute(select(func.count(Draft.id)).where(Draft.name == name)).scalar_one() > 0
    )


def add_draft(
    *,
    name: str,
    released_on: date,
    text: str,
    milestone_id: int | None = None,
    created_by=None,
) -> Draft:
    """Create a draft from its text: split it into paragraphs, align them with the previous
    draft (the latest released on or before `released_on`), carry that draft's reflections
    forward, tell whoever listens (`events.draft_added`), and commit once (all or nothing).
    Raises EmptyDraftError or TooManyParagraphsError."""
    parsed = split_text(text)
    if not parsed:
        raise EmptyDraftError(name)
    if len(parsed) > MAX_PARAGRAPHS:
        raise TooManyParagraphsError(len(parsed))
    previous = previous_draft_for(released_on)
    old = (
        list(
            db.session.scalars(
                select(DraftParagraph)
                .where(DraftParagraph.draft_id == previous.id)
                .order_by(DraftParagraph.position)
            )
        )
        if previous
        else []
    )
    aligned = alignment.align(old, parsed)
    draft = Draft(
        name=name,
        released_on=released_on,
        milestone_id=milestone_id,
        source_text=text,
        created_by=created_by,
        previous=previous,
    )
    by_old_id: dict[int, tuple[DraftParagraph, bool]] = {}
    for position, (item, i, change, identical) in enumerate(
        zip(parsed, aligned.previous, aligned.change, aligned.identical, strict=True), start=1
    ):
        paragraph = DraftParagraph(
            position=position,
            ref=item.ref,
            heading_level=item.heading_level,
            section=item.section,
            text=item.text,
            change=ParagraphChange(change),
            previous_paragraph=old[i] if i is not None else None,
        )
        draft.paragraphs.append(paragraph)
        if i is not None:
            by_old_id[old[i].id] = (paragraph, identical)
    db.session.add(draft)
    if previous is not None:
        carrying.carry_forward(previous, draft, by_old_id)
    db.session.flush()
    # A draft dated before others: each later one now follows it.
    carrying.realign_from(released_on, after=draft)
    draft_added.send(draft, actor=created_by)
    db.session.commit()
    return draft


# Reading


def deleted_paragraphs(draft: Draft) -> Select:
    """Paragraphs of the previous draft that nothing in `draft` aligns with."""
    aligned = select(DraftParagraph.previous_paragraph_id).where(
        DraftParagraph.draft_id == draft.id,
        DraftParagraph.previous_paragraph_id.is_not(None),
    )
    return (
        select(DraftParagraph)
        .where(DraftParagraph.draft_id == draft.previous_id, DraftParagraph.id.not_in(aligned))
        .order_by(DraftParagraph.position)
    )


def paragraph_counts(draft_ids: Iterable[int]) -> dict[int, int]:
    """Body paragraphs (headings left out) per draft, in one query."""
    draft_ids = list(draft_ids)
    rows = db.session.execute(
        select(DraftParagraph.draft_id, func.count(DraftParagraph.id))
        .where(DraftParagraph.draft_id.in_(draft_ids), DraftParagraph.heading_level == 0)
        .group_by(DraftParagraph.draft_id)
    )
    counts = dict.fromkeys(draft_ids, 0)
    counts.update({draft_id: count for draft_id, count in rows})
    return counts


def message_order() -> tuple:
    """Key messages by ACT number, then in their place within the ACT (report, rank)."""
    return (Act.number, KeyMessage.report_id, KeyMessage.rank, KeyMessage.id)
