"""A meeting's agenda as CSV, in the header the import reads (see tracker.agenda.importing)."""

from collections.abc import Iterable, Iterator

from tracker.agenda.importing import HEADER
from tracker.agenda.lines import speakers_text, words
from tracker.core.spreadsheets import write_csv
from tracker.records.agenda import MeetingSession


def agenda_csv(sessions: Iterable[MeetingSession]) -> str:
    return write_csv(HEADER, _rows(sessions))


def _rows(sessions: Iterable[MeetingSession]) -> Iterator[list[str]]:
    for item in sessions:
        yield [
            item.key,
            item.day.isoformat(),
            item.starts_at.strftime("%H:%M"),
            item.ends_at.strftime("%H:%M"),
            str(item.kind),
            item.title,
            item.purpose,
            item.venue,
            str(item.audience),
            words(item.languages),
            words(act.number for act in item.acts),
            speakers_text(item, "; "),
        ]
