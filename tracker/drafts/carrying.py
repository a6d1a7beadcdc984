"""Drafts in a row: each draft is aligned with the one before it, and the reflections
recorded on that one are carried onto it (unchanged, to review, lost).

When the row changes (a draft archived or restored, a draft added between two others),
every later draft is aligned again with its new predecessor and what was carried onto it
is carried again, as if the row had always been so: reflections only carried and never
touched since follow the new predecessor (or go, when it has none for that key message);
reflections recorded on the draft itself are kept as they are.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased, defer, selectinload

from tracker.core.extensions import db
from tracker.records.drafts import Draft, DraftParagraph, ParagraphChange, Reflection
from tracker.records.drafts import ReflectionState as State
from tracker.records.reader import INCLUDE_ARCHIVED
from tracker.text import alignment

# {previous draft's paragraph id: (the paragraph aligned with it, whether its text is the same)}
Aligned = dict[int, tuple[DraftParagraph, bool]]


def carried_state(old: Reflection, carried: list[tuple[DraftParagraph, bool]]) -> State:
    """The state of `old` carried onto the paragraphs aligned with its own (`carried`)."""
    if not old.paragraphs:
        return old.state  # nothing to follow: absent (or already lost) stays so
    if not carried:
        return State.LOST
    if (
        old.state == State.CURRENT
        and len(carried) == len(old.paragraphs)
        and all(identical for _paragraph, identical in carried)
    ):
        return State.CURRENT
    return State.TO_REVIEW


def carry_forward(previous: Draft, draft: Draft, by_old_id: Aligned) -> None:
    """Copy each reflection of `previous` onto `draft` (which has none yet)."""
    for old in _reflections_on(previous.id):
        reflection = Reflection(key_message_id=old.key_message_id, draft=draft)
        _carry(old, reflection, by_old_id)
        db.session.add(reflection)


def _carry(old: Reflection, reflection: Reflection, by_old_id: Aligned) -> None:
    carried = [by_old_id[p.id] for p in old.paragraphs if p.id in by_old_id]
    reflection.level = old.level
    reflection.state = carried_state(old, carried)
    reflection.excerpt = old.excerpt
    reflection.note = old.note
    reflection.carried_from = old
    reflection.recorded_by_id = old.recorded_by_id
    reflection.recorded_at = old.recorded_at
    reflection.paragraphs = [paragraph for paragraph, _identical in carried]


def _reflections_on(draft_id: int) -> list[Reflection]:
    return list(
        db.session.scalars(
            select(Reflection)
            .where(Reflection.draft_id == draft_id)
            .options(selectinload(Reflection.paragraphs))
            .order_by(Reflection.id)
        )
    )


def realign_from(day: date, after: Draft | None = None) -> list[Draft]:
    """Align again every live draft released on or after `day` (or, given `after`, every
    one that comes after it) with the draft now before it, oldest first, carrying the
    reflections again; the caller commits. Returns them."""
    row = list(
        db.session.scalars(
            select(Draft).options(defer(Draft.source_text)).order_by(Draft.released_on, Draft.id)
        )
    )
    start = row.index(after) + 1 if after is not None else 0
    realigned = []
    for index in range(start, len(row)):
        draft = row[index]
        if draft.released_on >= day:
            realign(draft, row[index - 1] if index else None)
            realigned.append(draft)
    return realigned


def realign(draft: Draft, previous: Draft | None) -> None:
    """Align `draft` with `previous` (None: it is the first) and carry again."""
    db.session.flush()
    new = _paragraphs_of(draft.id)
    old = _paragraphs_of(previous.id) if previous is not None else []
    aligned = alignment.align(old, new)
    by_old_id: Aligned = {}
    for paragraph, i, change, identical in zip(
        new, aligned.previous, aligned.change, aligned.identical, strict=True
    ):
        paragraph.change = ParagraphChange(change)
        paragraph.previous_paragraph = old[i] if i is not None else None
        if i is not None:
            by_old_id[old[i].id] = (paragraph, identical)
    draft.previous = previous
    _carry_again(draft, previous, by_old_id)
    db.session.flush()


def _paragraphs_of(draft_id: int) -> list[DraftParagraph]:
    return list(
        db.session.scalars(
            select(DraftParagraph)
            .where(DraftParagraph.draft_id == draft_id)
            .order_by(DraftParagraph.position)
        )
    )


def _carry_again(draft: Draft, previous: Draft | None, by_old_id: Aligned) -> None:
    untouched = _untouched_carries(draft.id)
    sources = {r.key_message_id: r for r in _reflections_on(previous.id)} if previous else {}
    for reflection in _reflections_on(draft.id):
        source = sources.pop(reflection.key_message_id, None)
        if reflection.id not in untouched:
            reflection.carried_from = source  # recorded here: kept as it is
        elif source is None:
            db.session.delete(reflection)  # nothing before it says so any more
        else:
            _carry(source, reflection, by_old_id)
    for source in sources.values():
        reflection = Reflection(key_message_id=source.key_message_id, draft=draft)
        _carry(source, reflection, by_old_id)
        db.session.add(reflection)


def _untouched_carries(draft_id: int) -> set[int]:
    """The reflections on the draft only carried there and not recorded since (their
    source may be on an archived draft)."""
    source = aliased(Reflection)
    query = (
        select(Reflection.id)
        .join(source, source.id == Reflection.carried_from_id)
        .where(Reflection.draft_id == draft_id, Reflection.recorded_at == source.recorded_at)
    )
    return set(db.session.scalars(query, execution_options={INCLUDE_ARCHIVED: True}))


def realign_around(record, **_extra) -> None:
    """A draft archived or restored: the drafts after it follow the one now before them."""
    if isinstance(record, Draft):
        realign_from(record.released_on)
