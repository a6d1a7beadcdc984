"""An agenda item as plain text, the same in the item form, the CSV file and the iCalendar
file: speakers as "Name | Organisation | role | tbc", languages and ACTs as lists of words.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import gettext as _

from tracker.core.labels import LANGUAGES
from tracker.records.agenda import MeetingSession, SpeakerRole

TBC = "tbc"
ROLES = frozenset(role.value for role in SpeakerRole)


class LineValueError(ValueError):
    """A value that cannot be read; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class SpeakerLine:
    name: str
    organization: str = ""
    role: str = SpeakerRole.SPEAKER.value
    tbc: bool = False

    def text(self) -> str:
        parts = [self.name, self.organization, self.role]
        if self.tbc:
            parts.append(TBC)
        return " | ".join(parts)


def parse_speakers(text: str) -> tuple[SpeakerLine, ...]:
    """Speakers one a line (or separated by ";"): name, then organisation, role and "tbc"."""
    speakers = []
    for entry in re.split(r"[;\n]", text or ""):
        parts = [part.strip() for part in entry.split("|")]
        if not parts[0]:
            if any(parts):
                raise LineValueError(_("A speaker has no name: %(entry)s", entry=entry.strip()))
            continue
        role, tbc = SpeakerRole.SPEAKER.value, False
        for part in parts[2:]:
            if part.lower() == TBC:
                tbc = True
            elif part.lower() in ROLES:
                role = part.lower()
            elif part:
                raise LineValueError(
                    _(
                        "“%(word)s” is not a speaker's role (speaker, moderator, rapporteur) "
                        "nor “tbc”.",
                        word=part,
                    )
                )
        organization = parts[1] if len(parts) > 1 else ""
        speakers.append(SpeakerLine(parts[0], organization, role, tbc))
    return tuple(speakers)


def speakers_text(item: MeetingSession, separator: str = "\n") -> str:
    return separator.join(
        SpeakerLine(
            speaker.name,
            speaker.organization.name if speaker.organization else "",
            str(speaker.role),
            speaker.tbc,
        ).text()
        for speaker in item.speakers
    )


def parse_languages(text: str) -> tuple[str, ...]:
    codes = [word.lower() for word in re.split(r"[\s,;/–-]+", text or "") if word]
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise LineValueError(
            _(
                "Unknown languages: %(codes)s (write en, fr or es).",
                codes=", ".join(unknown),
            )
        )
    return tuple(dict.fromkeys(codes))


def parse_acts(text: str, known: Iterable[int]) -> tuple[int, ...]:
    numbers = []
    for word in re.split(r"[\s,;]+", text or ""):
        if not word:
            continue
        digits = word.upper().removeprefix("ACT").strip()
        if not digits.isdigit() or int(digits) not in set(known):
            raise LineValueError(_("There is no ACT “%(act)s” in this workspace.", act=word))
        numbers.append(int(digits))
    return tuple(sorted(set(numbers)))


def words(values: Iterable[object]) -> str:
    return " ".join(str(value) for value in values)
