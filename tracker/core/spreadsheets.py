"""Tables people upload and download: CSV (UTF-8) or XLSX under a documented header.

Reading gives each row with the line it starts on, so every error can name its line; a
file that cannot be read at all (wrong encoding, wrong header, too long) is refused whole.
Writing gives a CSV that spreadsheets open with their accents (a byte-order mark), cells that
would start a formula prefixed with `'`; reading takes that prefix off again.
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

# More rows than this and the file is refused: an agenda or a list of invitations this long
# is a mistake (or an attack), not a meeting.
MAX_ROWS = 2000
FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


class UnreadableFileError(Exception):
    """The file as a whole cannot be read; `errors` say where."""

    def __init__(self, errors: list[LineError]) -> None:
        super().__init__("; ".join(f"line {e.line}: {e.message}" for e in errors))
        self.errors = errors


def read_upload(upload, default_name: str) -> tuple[str, bytes]:
    """The name and bytes of an uploaded file (its temporary file closed)."""
    try:
        return upload.filename or default_name, upload.read()
    finally:
        upload.close()


def is_xlsx(filename: str) -> bool:
    return filename.lower().endswith(".xlsx")


def read_table(
    filename: str, content: bytes, header: Sequence[str], required: Sequence[str]
) -> list[Row]:
    """The rows of a CSV or XLSX file whose first line names its columns."""
    lines = _xlsx_lines(content) if is_xlsx(filename) else _csv_lines(content)
    try:
        first_line, names = next(lines)
    except StopIteration:
        raise UnreadableFileError([LineError(1, str(_l("The file is empty.")))]) from None
    columns = [name.strip().lower() for name in names]
    _check_header(first_line, columns, header, required)
    rows: list[Row] = []
    for line, cells in lines:
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            message = ngettext(
                "The file holds more than %(num)d row; split it into smaller files.",
                "The file holds more than %(num)d rows; split it into smaller files.",
                MAX_ROWS,
            )
            raise UnreadableFileError([LineError(line, message)])
        values = {
            name: _unprotect(cell.strip()) for name, cell in zip(columns, cells, strict=False)
        }
        rows.append(Row(line, values))
    return rows


def _check_header(
    line: int, columns: list[str], header: Sequence[str], required: Sequence[str]
) -> None:
    errors = []
    unknown = [name for name in columns if name and name not in header]
    missing = [name for name in required if name not in columns]
    if unknown:
        errors.append(
            LineError(
                line,
                str(_l("Unknown columns: %(names)s.", names=", ".join(unknown)))
                + " "
                + str(_l("The header is: %(names)s.", names=", ".join(header))),
            )
        )
    if missing:
        errors.append(
            LineError(line, str(_l("Missing columns: %(names)s.", names=", ".join(missing))))
        )
    if errors:
        raise UnreadableFileError(errors)


def _csv_lines(content: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        message = _l("This line is not UTF-8 text: save the file as “CSV UTF-8” and try again.")
        raise UnreadableFileError([LineError(line, str(message))]) from None
    # Spreadsheets set to some languages save CSV with semicolons: the header tells.
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    ended = 0
    try:
        for cells in reader:
            yield ended + 1, cells
            ended = reader.line_num
    except csv.Error as error:
        raise UnreadableFileError([LineError(reader.line_num, str(error))]) from None


def _xlsx_lines(content: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # only for XLSX files: it takes a while to import

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        message = _l("This is not an XLSX workbook.")
        raise UnreadableFileError([LineError(1, str(message))]) from None
    sheet = workbook.worksheets[0]
    for line, cells in enumerate(sheet.iter_rows(values_only=True), 1):
        yield line, [_cell_text(cell) for cell in cells]
    workbook.close()


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        if cell.time() == time(0):
            return cell.date().isoformat()
        return cell.isoformat(sep=" ", timespec="minutes")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, time):
        return cell.strftime("%H:%M")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _unprotect(value: str) -> str:
    if value.startswith("'") and value[1:2] in FORMULA_STARTS and value[1:2]:
        return value[1:]
    return value


def protect(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([protect(value) for value in row])
    return out.getvalue()
