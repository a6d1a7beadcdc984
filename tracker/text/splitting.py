"""Split a pasted or uploaded draft (Markdown or plain text) into addressable paragraphs.

Pure functions, no Flask, no database: `split_text(text)` returns `ParsedParagraph`s in
order. Headings are kept (Markdown `#`, "Objective 5: ...", lines in capitals, short
unpunctuated lines standing alone such as "Preamble"), and so is the text's own numbering:
"21." gives ref "21", and a lettered sub-paragraph "(c)" under it gives "21(c)". Paragraphs
without numbering get a generated ref "¶ n".
"""

import re
from dataclasses import dataclass

SECTION_SEPARATOR = " › "
REF_MAX = 60
SECTION_MAX = 500

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_NUMBER_LETTER = re.compile(r"^(\d{1,3})\s?\(([a-z]{1,3})\)\s+(.*)$")
_LETTERED = re.compile(r"^\(([a-z]{1,3})\)\s+(.*)$")
_LETTER_PAREN = re.compile(r"^([a-z])\)\s+(.*)$")
_BULLET = re.compile(r"^[-*+•]\s+(.*)$")
_OBJECTIVE = re.compile(
    r"^(Objective|Objectif|Objetivo)\s+(\d{1,3})\b\s*[:.\-–—]?\s*(.*)$", re.IGNORECASE
)
_ENDS_LIKE_SENTENCE = re.compile(r"[.;:,!?…]$")


@dataclass(frozen=True)
class ParsedParagraph:
    """One paragraph or heading of a draft, as split from its text."""

    ref: str  # the text's own numbering ("21", "21(c)", "Objective 5") or "¶ n"
    heading_level: int  # 0 for body text, 1-6 for headings
    section: str  # the headings above it, joined with " › "
    text: str  # the paragraph without its leading number; a heading's title


def normalise_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _plain_heading(block: list[str]) -> tuple[int, str, str | None] | None:
    """(level, title, ref) when the first line of a block is a heading, else None."""
    first = block[0].strip()
    objective = _OBJECTIVE.match(first)
    if objective and len(first) <= 300:
        word, number, _title = objective.groups()
        return 3, first, f"{word.capitalize()} {number}"
    if _is_capitals(first) and len(first) <= 200:
        return 2, first, None
    if (
        len(block) == 1
        and len(first.split()) <= 8
        and first[0].isupper()
        and not _ENDS_LIKE_SENTENCE.search(first)
    ):
        return 2, first, None
    return None


class _Splitter:
    def __init__(self) -> None:
        self.paragraphs: list[ParsedParagraph] = []
        self.headings: list[tuple[int, str]] = []  # the open headings, outermost first
        self.parent_number: str | None = None  # the last "21." seen, for "(c)"
        self.generated = 0
        self.refs: set[str] = set()

    def section(self) -> str:
        return SECTION_SEPARATOR.join(title for _level, title in self.headings)[:SECTION_MAX]

    def unique(self, ref: str) -> str:
        ref = ref[:REF_MAX]
        candidate, n = ref, 1
        while candidate in self.refs:
            n += 1
            suffix = f" ({n})"
            candidate = ref[: REF_MAX - len(suffix)] + suffix
        self.refs.add(candidate)
        return candidate

    def heading(self, level: int, title: str, ref: str | None) -> None:
        if ref is None:
            ref = title if len(title) <= REF_MAX else title[: REF_MAX - 1].rsplit(" ", 1)[0] + "…"
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.paragraphs.append(ParsedParagraph(self.unique(ref), level, self.section(), title))
        self.headings.append((level, title))
        self.parent_number = None

    def body(self, lines: list[str]) -> None:
        text = " ".join(line.strip() for line in lines if line.strip())
        if not text:
            return
        ref: str | None = None
        if match := _NUMBER_LETTER.match(text):
            number, letter, text = match.groups()
            self.parent_number = number
            ref = f"{number}({letter})"
        elif match := _NUMBERED.match(text):
            number, text = match.groups()
            self.parent_number = number
            ref = number
        elif (match := _LETTERED.match(text)) or (match := _LETTER_PAREN.match(text)):
            letter, text = match.groups()
            parent = self.parent_number or (self.paragraphs and self.paragraphs[-1].ref) or ""
            ref = f"{parent}({letter})" if parent else f"({letter})"
        elif match := _BULLET.match(text):
            text = match.group(1)
        if ref is None:
            self.generated += 1
            ref = f"¶ {self.generated}"
        self.paragraphs.append(ParsedParagraph(self.unique(ref), 0, self.section(), text))


def _starts_paragraph(line: str) -> bool:
    return bool(
        _NUMBERED.match(line)
        or _NUMBER_LETTER.match(line)
        or _LETTERED.match(line)
        or _LETTER_PAREN.match(line)
        or _BULLET.match(line)
        or _OBJECTIVE.match(line)
    )


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped by blank lines, and split again where a line starts a new paragraph."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in normalise_newlines(text).split("\n"):
        line = raw.strip()
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        if _MD_HEADING.match(line) or (current and _starts_paragraph(line)):
            if current:
                blocks.append(current)
            current = []
        current.append(line)
        if _MD_HEADING.match(line):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def split_text(text: str) -> list[ParsedParagraph]:
    """Split `text` into paragraphs and headings, in order."""
    splitter = _Splitter()
    for block in _blocks(text):
        if markdown := _MD_HEADING.match(block[0]):
            hashes, title = markdown.groups()
            if not title:
                continue
            objective = _OBJECTIVE.match(title)
            ref = f"{objective.group(1).capitalize()} {objective.group(2)}" if objective else None
            splitter.heading(len(hashes), title, ref)
            continue
        plain = _plain_heading(block)
        if plain:
            level, title, ref = plain
            splitter.heading(level, title, ref)
            block = block[1:]
        if block:
            splitter.body(block)
    return splitter.paragraphs


def ref_slug(ref: str) -> str:
    """The anchor of a paragraph: "21(c)" -> "21-c", "¶ 3" -> "para-3"."""
    slug = re.sub(r"[^0-9a-z]+", "-", ref.replace("¶", "para").casefold()).strip("-")
    return slug or "para"
