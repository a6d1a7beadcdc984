"""A draft's page by page: its paragraphs, the objectives to jump to, and the reflections of
one paragraph (its own page, which the draft page links and loads on demand).

Every query is bounded by a page, so the draft page stays light whatever the length of the
text and the number of reflections. Reflection follows its key message, so observers only
count and read reflections of key messages shared with them.
"""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import defer, joinedload

from tracker.core.extensions import db
from tracker.core.pagination import Page
from tracker.drafts.services import deleted_paragraphs, message_order
from tracker.records.acts import Act
from tracker.records.drafts import (
    PARAGRAPHS_PER_PAGE,
    Draft,
    DraftParagraph,
    Level,
    ParagraphChange,
    Reflection,
    reflection_paragraph,
)
from tracker.records.reports import KeyMessage
from tracker.text.splitting import ref_slug

REFLECTIONS_PER_PAGE = 50
SECTION_SEPARATOR = " › "


def draft_header(draft_id: int) -> Select:
    """A draft without its text: its milestone and the name of the previous draft."""
    return (
        select(Draft)
        .where(Draft.id == draft_id)
        .options(
            defer(Draft.source_text),
            joinedload(Draft.milestone),
            joinedload(Draft.previous).load_only(Draft.id, Draft.name),
        )
    )


class DraftPage(Page):
    """A page of a draft: the paragraphs of a range of positions."""

    def __init__(self, items: list, page: int, total: int, last_position: int) -> None:
        super().__init__(items, page, PARAGRAPHS_PER_PAGE, total)
        self.last_page = last_position // PARAGRAPHS_PER_PAGE + 1

    @property
    def pages(self) -> int:
        return self.last_page

    @property
    def first_position(self) -> int:
        return (self.page - 1) * self.per_page


def draft_page(draft_id: int, page: int) -> DraftPage:
    """The paragraphs of one page of a draft, and how many pages it has (two queries)."""
    total, last = db.session.execute(
        select(func.count(DraftParagraph.id), func.max(DraftParagraph.position)).where(
            DraftParagraph.draft_id == draft_id
        )
    ).one()
    first = (page - 1) * PARAGRAPHS_PER_PAGE
    items = db.session.scalars(
        select(DraftParagraph)
        .where(
            DraftParagraph.draft_id == draft_id,
            DraftParagraph.position >= first,
            DraftParagraph.position < first + PARAGRAPHS_PER_PAGE,
        )
        .order_by(DraftParagraph.position, DraftParagraph.id)
    ).all()
    return DraftPage(list(items), page, total, last or 0)


@dataclass(frozen=True)
class Section:
    """One entry of the jump-to menu: a part of the text and where it starts."""

    title: str
    anchor: str
    page: int


def sections(draft_id: int) -> list[Section]:
    """The parts of a draft (preamble, each objective...) in their order, each with the page
    it starts on and its anchor there (its heading, when the text has one), in one query."""
    order = (DraftParagraph.position, DraftParagraph.id)
    numbered = (
        select(
            DraftParagraph.section,
            DraftParagraph.ref,
            DraftParagraph.position,
            func.lag(DraftParagraph.ref).over(order_by=order).label("before_ref"),
            func.lag(DraftParagraph.heading_level).over(order_by=order).label("before_level"),
            func.lag(DraftParagraph.position).over(order_by=order).label("before_position"),
            func.row_number()
            .over(partition_by=DraftParagraph.section, order_by=order)
            .label("in_section"),
        )
        .where(DraftParagraph.draft_id == draft_id)
        .subquery()
    )
    firsts: Any = db.session.execute(
        select(numbered)
        .where(numbered.c.in_section == 1, numbered.c.section != "")
        .order_by(numbered.c.position)
    )
    found = []
    for row in firsts:
        ref, position = row.ref, row.position
        if row.before_level:  # the part's heading, just above its first paragraph
            ref, position = row.before_ref, row.before_position
        found.append(
            Section(
                title=row.section.rsplit(SECTION_SEPARATOR, 1)[-1],
                anchor=f"p-{ref_slug(ref)}",
                page=position // PARAGRAPHS_PER_PAGE + 1,
            )
        )
    return found


def level_counts(paragraph_ids: list[int]) -> dict[int, dict[Level, int]]:
    """{paragraph_id: {level: how many reflections}} for these paragraphs, strongest level
    first, in one GROUP BY query (run even for no paragraph, so a page's query count is
    fixed); paragraphs without a reflection are left out."""
    rows = db.session.execute(
        select(reflection_paragraph.c.paragraph_id, Reflection.level, func.count())
        .select_from(reflection_paragraph)
        .join(Reflection, Reflection.id == reflection_paragraph.c.reflection_id)
        .where(reflection_paragraph.c.paragraph_id.in_(paragraph_ids))
        .group_by(reflection_paragraph.c.paragraph_id, Reflection.level)
    )
    counts: dict[int, dict[Level, int]] = {}
    for paragraph_id, level, count in rows:
        counts.setdefault(paragraph_id, {})[Level(level)] = count
    return {
        paragraph_id: {level: by_level[level] for level in reversed(Level) if level in by_level}
        for paragraph_id, by_level in counts.items()
    }


def paragraph_in_draft(draft_id: int, paragraph_id: int) -> Select:
    """One paragraph of a draft, with the draft's name (404 when it belongs to another)."""
    return (
        select(DraftParagraph)
        .where(DraftParagraph.id == paragraph_id, DraftParagraph.draft_id == draft_id)
        .options(joinedload(DraftParagraph.draft).load_only(Draft.id, Draft.name))
    )


def reflections_of(paragraph_id: int) -> Select:
    """The reflections that point at one paragraph, in key-message order (paginated)."""
    return (
        select(Reflection)
        .join(reflection_paragraph, reflection_paragraph.c.reflection_id == Reflection.id)
        .join(KeyMessage, KeyMessage.id == Reflection.key_message_id)
        .join(Act, Act.id == KeyMessage.act_id)
        .where(reflection_paragraph.c.paragraph_id == paragraph_id)
        .order_by(*message_order())
        .options(joinedload(Reflection.key_message).joinedload(KeyMessage.act))
    )


# What changed since the previous draft, by pages of positions

CHANGES_PER_PAGE = 50


@dataclass
class ChangesPage(Page):
    """One page of a draft's changes: its added, changed and moved paragraphs, and the
    previous draft's removed ones, within the same range of positions."""

    changed: list = field(default_factory=list)
    deleted: list = field(default_factory=list)
    last_page: int = 1

    @property
    def pages(self) -> int:
        return self.last_page


def draft_for_changes(draft_id: int) -> Select:
    return (
        select(Draft)
        .where(Draft.id == draft_id)
        .options(defer(Draft.source_text), joinedload(Draft.milestone), joinedload(Draft.previous))
    )


def change_counts(draft: Draft) -> dict[str, int]:
    """How many paragraphs were added, changed, moved, left or removed (two queries)."""
    counts = dict.fromkeys(("new", "changed", "moved", "unchanged", "deleted"), 0)
    rows = db.session.execute(
        select(DraftParagraph.change, func.count())
        .where(DraftParagraph.draft_id == draft.id)
        .group_by(DraftParagraph.change)
    )
    counts.update({ParagraphChange(change).value: count for change, count in rows})
    removed = deleted_paragraphs(draft).with_only_columns(func.count()).order_by(None)
    counts["deleted"] = db.session.scalar(removed) or 0
    return counts


def changes_page(draft: Draft, page: int) -> ChangesPage:
    """The changes among the positions of one page, in three queries."""
    first = (page - 1) * CHANGES_PER_PAGE
    last_position = db.session.scalar(
        select(func.max(DraftParagraph.position)).where(
            DraftParagraph.draft_id.in_((draft.id, draft.previous_id))
        )
    )
    changed = db.session.scalars(
        select(DraftParagraph)
        .where(
            DraftParagraph.draft_id == draft.id,
            DraftParagraph.change != ParagraphChange.UNCHANGED,
            DraftParagraph.position >= first,
            DraftParagraph.position < first + CHANGES_PER_PAGE,
        )
        .options(joinedload(DraftParagraph.previous_paragraph))
        .order_by(DraftParagraph.position, DraftParagraph.id)
    ).all()
    deleted = db.session.scalars(
        deleted_paragraphs(draft).where(
            DraftParagraph.position >= first, DraftParagraph.position < first + CHANGES_PER_PAGE
        )
    ).all()
    return ChangesPage(
        items=[*changed, *deleted],
        page=page,
        per_page=CHANGES_PER_PAGE,
        total=0,
        changed=list(changed),
        deleted=list(deleted),
        last_page=(last_position or 0) // CHANGES_PER_PAGE + 1,
    )
