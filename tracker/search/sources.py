"""What search looks through: one `Source` per kind of record.

A source says which rows to load (an ORM `select`, so the policy's visibility filter
applies to it like to every other read), what of a record is searched (`texts`: the words
the index holds, tracker.search.index) and how a row reads as a `Document` (title, link,
ACT, text). Observers' rows reach `read` as their observer view (tracker.records.publishing):
the published text, Chatham House redaction applied; their index entries hold the words of
that same view, never those of the working copy.

To search another kind of record, write a subclass and add an instance to `SOURCES`; the
type filter, the badge, the index and the query count follow from that list.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, joinedload

from tracker.records.actions import Action
from tracker.records.acts import Act
from tracker.records.drafts import DraftParagraph
from tracker.records.notes import Note
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import TableOutcome
from tracker.text.search import markdown_to_text, plain


@dataclass
class Document:
    """One record as search sees it. `text`, `section` and `heading_level` are what
    `tracker.text.ranking.rank` reads."""

    source: Source
    title: str
    url: str
    act: Act | None
    body: str  # searched; the snippet is cut from it
    searched_title: bool = False  # whether the title's words count too (not a made-up title)
    context: str = ""  # searched at half weight, never shown (a paragraph's headings)
    heading_level: int = 0
    # Other places the same text is found (a paragraph's copies in other drafts): (label, url).
    copies: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}" if self.searched_title else self.body

    @property
    def section(self) -> str:
        return self.context


@dataclass(frozen=True)
class Texts:
    """What of a record is searched: its title (when its words count), body and context."""

    title: str
    body: str
    context: str = ""


class Searched(Protocol):
    """A model search reads (its rows come newest first, by id)."""

    id: ClassVar[InstrumentedAttribute[int]]


class Source:
    kind: ClassVar[str]  # the value of ?type= in the URL
    label: ClassVar[Any]  # a lazy_gettext string: the badge and the filter's choice
    model: ClassVar[type[Searched]]
    # The model's foreign key to act.id; "" for records that belong to no ACT.
    act_key: ClassVar[str] = "act_id"

    @property
    def act_column(self) -> Any:
        return getattr(self.model, self.act_key) if self.act_key else None

    def select(self) -> Select:
        """The rows, with what `read` touches eager-loaded (in the same query)."""
        return select(self.model)

    def texts(self, row: Any) -> Texts:
        """What is searched of the row, as the reader it was loaded for reads it."""
        raise NotImplementedError

    def searchable(self, row: Any) -> bool:
        """Whether the row is found at all."""
        return True

    def group_key(self, row: Any) -> str:
        """Rows of one key are one result."""
        return f"{self.kind}:{row.id}"

    def act_id(self, row: Any) -> int | None:
        return getattr(row, self.act_key) if self.act_key else None

    def read(self, row: Any, reader: Any) -> Document:
        raise NotImplementedError


class NoteSource(Source):
    kind = "notes"
    label = _l("Notes")
    model = Note

    def select(self):
        return select(Note).options(joinedload(Note.act))

    def texts(self, note: Note) -> Texts:
        return Texts(title=plain(note.title), body=markdown_to_text(note.body))

    def read(self, note: Note, reader) -> Document:
        texts = self.texts(note)
        return Document(
            source=self,
            title=texts.title,
            url=url_for("notes.show", note_id=note.id),
            act=note.act,
            body=texts.body,
            searched_title=True,
        )


class ReportSource(Source):
    """The public part of a report (summary and priorities), never its internal part."""

    kind = "reports"
    label = _l("Reports")
    model = Report

    def select(self):
        return select(Report).options(joinedload(Report.act), joinedload(Report.priorities))

    def texts(self, report: Report) -> Texts:
        priorities = " ".join(plain(p.text) for p in report.priorities)
        return Texts(title="", body=f"{markdown_to_text(report.summary)} {priorities}".strip())

    def read(self, report: Report, reader) -> Document:
        return Document(
            source=self,
            title=_("Rapporteur's report: %(act)s", act=report.act.label),
            url=url_for("reports.show", report_id=report.id),
            act=report.act,
            body=self.texts(report).body,
        )


class KeyMessageSource(Source):
    kind = "messages"
    label = _l("Key messages")
    model = KeyMessage

    def select(self):
        return (
            select(KeyMessage)
            .where(KeyMessage.merged_into_id.is_(None))
            .options(joinedload(KeyMessage.act))
        )

    def searchable(self, message: KeyMessage) -> bool:
        # Merged messages live on in the one they were merged into.
        return message.merged_into_id is None

    def texts(self, message: KeyMessage) -> Texts:
        return Texts(title="", body=plain(message.text))

    def read(self, message: KeyMessage, reader) -> Document:
        return Document(
            source=self,
            title=_("Key message #%(id)d", id=message.id),
            url=url_for("thread.message", message_id=message.id),
            act=message.act,
            body=self.texts(message).body,
        )


class OutcomeSource(Source):
    """Summary, commitments and follow-ups of a small table. Under the Chatham House rule an
    observer's outcome holds no government's name (tracker.records.publishing), so a name is
    neither matched nor shown."""

    kind = "outcomes"
    label = _l("Table outcomes")
    model = TableOutcome

    def select(self):
        return select(TableOutcome).options(
            joinedload(TableOutcome.act), joinedload(TableOutcome.governments)
        )

    def texts(self, outcome: TableOutcome) -> Texts:
        body = " ".join(
            markdown_to_text(text)
            for text in (outcome.summary, outcome.commitments, outcome.follow_ups)
        )
        return Texts(title="", body=body.strip())

    def read(self, outcome: TableOutcome, reader) -> Document:
        return Document(
            source=self,
            title=_("Small table on ACT %(number)d: outcome", number=outcome.act.number),
            url=url_for("tables.show_outcome", outcome_id=outcome.id),
            act=outcome.act,
            body=self.texts(outcome).body,
        )


class ParagraphSource(Source):
    """Paragraphs of the drafts of the negotiated text (they belong to no ACT). A paragraph
    kept word for word from one draft to the next is one result, "also in" the others."""

    kind = "paragraphs"
    label = _l("Draft paragraphs")
    model = DraftParagraph
    act_key = ""

    def select(self):
        return select(DraftParagraph).options(joinedload(DraftParagraph.draft))

    def texts(self, paragraph: DraftParagraph) -> Texts:
        return Texts(title="", body=plain(paragraph.text), context=plain(paragraph.section))

    def group_key(self, paragraph: DraftParagraph) -> str:
        text = plain(paragraph.text).casefold()
        return f"{self.kind}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:40]}"

    def read(self, paragraph: DraftParagraph, reader) -> Document:
        texts = self.texts(paragraph)
        return Document(
            source=self,
            title=_("%(draft)s, paragraph %(ref)s", draft=paragraph.draft.name, ref=paragraph.ref),
            url=paragraph_url(paragraph),
            act=None,
            body=texts.body,
            context=texts.context,
        )


def paragraph_url(paragraph: DraftParagraph) -> str:
    """The paragraph on its page of the draft."""
    return url_for(
        "drafts.show",
        draft_id=paragraph.draft_id,
        page=paragraph.draft_page if paragraph.draft_page > 1 else None,
        _anchor=paragraph.anchor,
    )


class ActionSource(Source):
    kind = "actions"
    label = _l("Actions")
    model = Action

    def select(self):
        return select(Action).options(joinedload(Action.act))

    def texts(self, action: Action) -> Texts:
        return Texts(title=plain(action.title), body=markdown_to_text(action.description))

    def read(self, action: Action, reader) -> Document:
        return Document(
            source=self,
            title=action.title,
            url=url_for("actions.show", action_id=action.id),
            act=action.act,
            body=self.texts(action).body,
            searched_title=True,
        )


SOURCES: list[Source] = [
    NoteSource(),
    ReportSource(),
    KeyMessageSource(),
    OutcomeSource(),
    ActionSource(),
    ParagraphSource(),
]


def source_of_kind(kind: str) -> Source | None:
    return next((source for source in SOURCES if source.kind == kind), None)
