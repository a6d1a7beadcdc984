"""Exports of everything a reader may read: a ZIP with one CSV and one JSON per record type
and a field guide, made with the API's own schemas and queries so the three always agree;
the carry-through matrix as CSV and XLSX; a draft as Markdown."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marshmallow import Schema
from openpyxl import Workbook
from sqlalchemy import select

from tracker.actions.exports import neutralise
from tracker.api import reads
from tracker.api import schemas as s
from tracker.core.extensions import db
from tracker.records.agenda import Meeting, MeetingSession, Speaker
from tracker.records.drafts import Draft


@dataclass(frozen=True)
class RecordType:
    name: str  # the files' name: acts.csv, acts.json
    meaning: str
    schema: Schema
    rows: Callable[[], Iterable]


def _all(statement) -> list:
    return list(db.session.scalars(statement).unique())


def _agenda_items() -> list:
    statement = (
        select(MeetingSession)
        .join(Meeting)
        .order_by(Meeting.starts_on, MeetingSession.day, MeetingSession.starts_at)
    )
    return _all(
        statement.options(
            reads.selectinload(MeetingSession.acts),
            reads.selectinload(MeetingSession.meeting),
            reads.selectinload(MeetingSession.speakers).joinedload(Speaker.organization),
        )
    )


def _paragraphs() -> list:
    drafts = _all(reads.drafts().options(reads.selectinload(Draft.paragraphs)))
    return [
        {**s.ParagraphSchema().dump(paragraph), "draft_id": draft.id}
        for draft in drafts
        for paragraph in draft.paragraphs
    ]


class ExportParagraphSchema(s.ParagraphSchema):
    draft_id = s.number("The draft the paragraph belongs to.")


RECORD_TYPES = (
    RecordType("acts", "The TEN ACTS.", s.ActSchema(), lambda: _all(reads.acts())),
    RecordType("meetings", "Meetings.", s.MeetingSchema(), lambda: _all(reads.meetings())),
    RecordType("agenda_items", "Meetings' agenda items.", s.AgendaItemSchema(), _agenda_items),
    RecordType(
        "key_messages",
        "Key messages, with their standing in each draft.",
        s.KeyMessageSchema(),
        lambda: reads.with_reflections(_all(reads.key_messages().order_by(reads.KeyMessage.id))),
    ),
    RecordType(
        "reports",
        "Rapporteurs' reports.",
        s.ReportSchema(),
        lambda: _all(reads.reports().order_by(reads.Report.id)),
    ),
    RecordType(
        "outcomes",
        "Small tables' outcomes, with the governments' stances.",
        s.OutcomeSchema(),
        lambda: [
            reads.outcome_as_read(o) for o in _all(reads.outcomes().order_by(reads.TableOutcome.id))
        ],
    ),
    RecordType(
        "actions",
        "Next-step actions.",
        s.ActionSchema(),
        lambda: _all(reads.actions().order_by(reads.Action.id)),
    ),
    RecordType("drafts", "Drafts of the text.", s.DraftSchema(), lambda: _all(reads.drafts())),
    RecordType("paragraphs", "The drafts' paragraphs.", ExportParagraphSchema(), _paragraphs),
    RecordType(
        "matrix",
        "The carry-through matrix: each key message's level in each draft.",
        s.MatrixRowSchema(),
        lambda: reads.matrix()[1],
    ),
    RecordType(
        "positions",
        "Governments' positions in the negotiation rounds.",
        s.PositionSchema(),
        lambda: _all(reads.positions().order_by(reads.RoundPosition.id)),
    ),
    RecordType(
        "governments",
        "UN member states and agencies.",
        s.GovernmentSchema(),
        lambda: _all(reads.governments().order_by(reads.Government.id)),
    ),
)


def cell(value) -> str:
    """A JSON value as a spreadsheet cell: lists and objects as JSON, formulas neutralised."""
    if isinstance(value, list | dict):
        return neutralise(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)


def csv_text(schema: Schema, rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    names = list(schema.fields)
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(row.get(name)) for name in names])
    return "\ufeff" + buffer.getvalue()


def _type_of(field) -> str:
    meta = field.metadata
    if "type" in meta:
        return meta["type"]
    return type(field).__name__.lower().replace("nested", "object").replace("function", "text")


def field_guide(audience: str) -> str:
    """README.md of the ZIP: every file and every field, its type, meaning and values."""
    lines = [
        "# Workspace export",
        "",
        f"What {audience} may read, as one CSV file and one JSON file per record type. The "
        "JSON holds the same records as the read API (/api/v1); the CSV the same fields, "
        "lists and objects written as JSON in their cell.",
        "",
    ]
    for record_type in RECORD_TYPES:
        lines += [
            f"## {record_type.name}.csv, {record_type.name}.json",
            "",
            record_type.meaning,
            "",
        ]
        lines += ["| field | type | meaning | allowed values |", "|---|---|---|---|"]
        for name, field in record_type.schema.fields.items():
            values = ", ".join(field.metadata.get("enum", []))
            meaning = field.metadata.get("description", "")
            lines.append(f"| {name} | {_type_of(field)} | {meaning} | {values} |")
        lines.append("")
    return "\n".join(lines)


def workspace_zip(audience: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", field_guide(audience))
        for record_type in RECORD_TYPES:
            dumped = record_type.schema.dump(list(record_type.rows()), many=True)
            archive.writestr(
                f"{record_type.name}.json", json.dumps(dumped, ensure_ascii=False, indent=1)
            )
            archive.writestr(f"{record_type.name}.csv", csv_text(record_type.schema, dumped))
    return buffer.getvalue()


def matrix_table(act: int | None) -> list[list[str]]:
    """The matrix as a table: one row per key message, one column per draft."""
    drafts, rows = reads.matrix(act)
    header = ["ACT", "Key message", *(draft.name for draft in drafts)]
    table = [header]
    for row in rows:
        levels = [row["levels"].get(str(draft.id), "") for draft in drafts]
        table.append([str(row["act"]), row["text"], *levels])
    return table


def matrix_csv(act: int | None) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[neutralise(c) for c in r] for r in matrix_table(act)])
    return "\ufeff" + buffer.getvalue()


def matrix_xlsx(act: int | None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Matrix"
    for row in matrix_table(act):
        sheet.append([neutralise(c) for c in row])
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def draft_markdown(draft: Draft) -> str:
    """The draft as Markdown: its headings as headings, each paragraph with its reference."""
    lines = [f"# {draft.name}", "", f"Released on {draft.released_on.isoformat()}.", ""]
    for paragraph in draft.paragraphs:
        if paragraph.heading_level:
            lines += [f"{'#' * min(paragraph.heading_level + 1, 6)} {paragraph.text}", ""]
        else:
            lines += [f"**{paragraph.ref}** {paragraph.text}", ""]
    return "\n".join(lines)
