"""What search looks through: one `Source` per kind of record.

A source says which rows to load (an ORM `select`, so the policy's visibility filter
applies to it like to every other read), which columns the SQL prefilter looks at, and
how a row reads as a `Document` (title, link, ACT, text). Observers' rows reach `read` as
their observer view (tracker.records.publishing): the published text, Chatham House redaction
applied; their prefilter looks in that published text too, never in the working copy.

To search another kind of record, write a subclass and add an instance to `SOURCES`; the
type filter, the badge and the query count follow from that list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, Select, String, cast, or_, select
from sqlalchemy.orm import InstrumentedAttribute, joinedload

from tracker.records import policy
from tracker.records.actions import Action
from tracker.records.acts import Act
from tracker.records.base import PublishableMixin
from tracker.records.drafts import DraftParagraph
from tracker.records.notes import Note
from tracker.records.reports import KeyMessage, Report, ReportPriority
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

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}" if self.searched_title else self.body

    @property
    def section(self) -> str:
        return self.context


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

    def columns(self) -> Sequence[Any]:
        """The text columns the SQL prefilter looks in."""
        raise NotImplementedError

    def select(self) -> Select:
        """The rows, with what `read` touches eager-loaded (in the same query)."""
        return select(self.model)

    def matches(self, patterns: Sequence[str], reader: Any) -> ColumnElement[bool]:
        """Whether any of the LIKE `patterns` is found (case-insensitively) in the row."""
        model = self.model
        if issubclass(model, PublishableMixin) and not policy.sees_everything(reader):
            return _any_like([cast(model.published, String)], patterns)
        return self.working_matches(patterns)

    def working_matches(self, patterns: Sequence[str]) -> ColumnElement[bool]:
        return _any_like(self.columns(), patterns)

    def read(self, row: Any, reader: Any) -> Document:
        raise NotImplementedError


class NoteSource(Source):
    kind = "notes"
    label = _l("Notes")
    model = Note

    def columns(self):
        return [Note.title, Note.body]

    def select(self):
        return select(Note).options(joinedload(Note.act))

    def read(self, note: Note, reader) -> Document:
        return Document(
            source=self,
            title=plain(note.title),
            url=url_for("notes.show", note_id=note.id),
            act=note.act,
            body=markdown_to_text(note.body),
            searched_title=True,
        )


class ReportSource(Source):
    """The public part of a report (summary and priorities), never its internal part."""

    kind = "reports"
    label = _l("Reports")
    model = Report

    def working_matches(self, patterns):
        return or_(
            _any_like([Report.summary], patterns),
            Report.priorities.any(_any_like([ReportPriority.text], patterns)),
        )

    def select(self):
        return select(Report).options(joinedload(Report.act), joinedload(Report.priorities))

    def read(self, report: Report, reader) -> Document:
        priorities = " ".join(plain(p.text) for p in report.priorities)
        return Document(
            source=self,
            title=_("Rapporteur's report: %(act)s", act=report.act.label),
            url=url_for("reports.show", report_id=report.id),
            act=report.act,
            body=f"{markdown_to_text(report.summary)} {priorities}".strip(),
        )


class KeyMessageSource(Source):
    kind = "messages"
    label = _l("Key messages")
    model = KeyMessage

    def columns(self):
        return [KeyMessage.text]

    def select(self):
        # Merged messages live on in the one they were merged into.
        return (
            select(KeyMessage)
            .where(KeyMessage.merged_into_id.is_(None))
            .options(joinedload(KeyMessage.act))
        )

    def read(self, message: KeyMessage, reader) -> Document:
        return Document(
            source=self,
            title=_("Key message #%(id)d", id=message.id),
            url=url_for("thread.message", message_id=message.id),
            act=message.act,
            body=plain(message.text),
        )


class OutcomeSource(Source):
    """Summary, commitments and follow-ups of a small table. Under the Chatham House rule an
    observer's outcome holds no government's name (tracker.records.publishing), so a name is
    neither matched nor shown."""

    kind = "outcomes"
    label = _l("Table outcomes")
    model = TableOutcome

    def columns(self):
        return [TableOutcome.summary, TableOutcome.commitments, TableOutcome.follow_ups]

    def select(self):
        return select(TableOutcome).options(
            joinedload(TableOutcome.act), joinedload(TableOutcome.governments)
        )

    def read(self, outcome: TableOutcome, reader) -> Document:
        body = " ".join(
            markdown_to_text(text)
            for text in (outcome.summary, outcome.commitments, outcome.follow_ups)
        )
        return Document(
            source=self,
            title=_("Small table on ACT %(number)d: outcome", number=outcome.act.number),
            url=url_for("tables.show_outcome", outcome_id=outcome.id),
            act=outcome.act,
            body=body.strip(),
        )


class ParagraphSource(Source):
    """Paragraphs of the drafts of the negotiated text (they belong to no ACT)."""

    kind = "paragraphs"
    label = _l("Draft paragraphs")
    model = DraftParagraph
    act_key = ""

    def columns(self):
        return [DraftParagraph.text, DraftParagraph.section]

    def select(self):
        return select(DraftParagraph).options(joinedload(DraftParagraph.draft))

    def read(self, paragraph: DraftParagraph, reader) -> Document:
        return Document(
            source=self,
            title=_("%(draft)s, paragraph %(ref)s", draft=paragraph.draft.name, ref=paragraph.ref),
            url=url_for(
                "drafts.show",
                draft_id=paragraph.draft_id,
                page=paragraph.draft_page if paragraph.draft_page > 1 else None,
                _anchor=paragraph.anchor,
            ),
            act=None,
            body=plain(paragraph.text),
            context=plain(paragraph.section),
        )


class ActionSource(Source):
    kind = "actions"
    label = _l("Actions")
    model = Action

    def columns(self):
        return [Action.title, Action.description]

    def select(self):
        return select(Action).options(joinedload(Action.act))

    def read(self, action: Action, reader) -> Document:
        return Document(
            source=self,
            title=action.title,
            url=url_for("actions.show", action_id=action.id),
            act=action.act,
            body=markdown_to_text(action.description),
            searched_title=True,
        )


def _any_like(columns: Sequence[Any], patterns: Sequence[str]) -> ColumnElement[bool]:
    return or_(*(column.ilike(pattern) for column in columns for pattern in patterns))


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
