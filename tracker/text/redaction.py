"""Removing governments' names from a text: the Chatham House rule's one redaction.

Under the rule, observers learn what was said at a small table, never which government
said it. `redact(text, names, replacement)` replaces each of `names` (whole words, any
case, with or without accents) by `replacement`; `member_state_names()` lists every UN
member state as the workspace lists it and as CLDR names it in English, French and
Spanish, so a name typed in any of the meeting's languages is caught.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from babel import Locale

from tracker.text.words import WORD, fold

LANGUAGES = ("en", "fr", "es")


@cache
def member_states() -> tuple[tuple[str, str], ...]:
    """(ISO 3166 code, name as the UN lists it) of the 193 member states."""
    data = resources.files("tracker.text").joinpath("data/un_member_states.json")
    return tuple((row["iso"], row["name"]) for row in json.loads(data.read_text("utf-8")))


def member_state_code(name: str) -> str | None:
    """The ISO 3166 code of a member state named as the UN lists it, or None."""
    return _codes_by_name().get(name)


@cache
def _codes_by_name() -> dict[str, str]:
    return {name: iso for iso, name in member_states()}


@cache
def un_agency_names() -> dict[str, dict[str, str]]:
    """The UN agencies and offices that sit at small tables: their English name as the
    workspace lists it, and their official names by language ({"fr": ..., "es": ...})."""
    data = resources.files("tracker.text").joinpath("data/un_agencies.json")
    return {
        row["name"]: {lang: row[lang] for lang in LANGUAGES if lang != "en"}
        for row in json.loads(data.read_text("utf-8"))
    }


def un_agencies() -> tuple[str, ...]:
    """The UN agencies' English names, as the workspace lists them."""
    return tuple(un_agency_names())


@cache
def _groups() -> tuple[dict, ...]:
    data = resources.files("tracker.text").joinpath("data/negotiating_groups.json")
    return tuple(json.loads(data.read_text("utf-8")))


def negotiating_groups() -> tuple[str, ...]:
    """The groups of states that negotiate together (the EU, the G77 and China...), as the
    workspace lists them."""
    return tuple(group["name"] for group in _groups())


def group_translations() -> dict[str, dict[str, str]]:
    """Each group's name by language, keyed by the name the workspace lists it under."""
    return {group["name"]: {lang: group[lang] for lang in ("fr", "es")} for group in _groups()}


@cache
def group_names() -> frozenset[str]:
    """Every group's names in English, French and Spanish, and its acronyms. A listed name
    with its acronym in brackets ("European Union (EU)") is caught as its two parts, so the
    brackets stay balanced: "a government (a government)"."""
    return frozenset(
        name for group in _groups() for name in (group["name"], *group["also"]) if "(" not in name
    )


@cache
def member_state_names() -> frozenset[str]:
    """Every member state's UN name and its CLDR names in English, French and Spanish."""
    names = {name for _iso, name in member_states()}
    for language in LANGUAGES:
        territories = Locale(language).territories
        names |= {territories[iso] for iso, _name in member_states() if iso in territories}
    return frozenset(names)


def government_names() -> frozenset[str]:
    """Every name of a government, group of states or UN agency the workspace may list."""
    agencies = {name for names in un_agency_names().values() for name in names.values()}
    return member_state_names() | frozenset(un_agencies()) | frozenset(agencies) | group_names()


class Redactor:
    """Finds the names' word sequences in a text in one pass (names indexed by first word)."""

    def __init__(self, names: Iterable[str]) -> None:
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for name in names:
            sequence = tuple(fold(word) for word in WORD.findall(name))
            if sequence:
                by_first.setdefault(sequence[0], set()).add(sequence)
        # The longest first, so "Republic of Korea" wins over "Korea".
        self.by_first = {
            first: sorted(sequences, key=len, reverse=True) for first, sequences in by_first.items()
        }

    def __call__(self, text: str, replacement: str) -> str:
        if not text or not self.by_first:
            return text
        words = list(WORD.finditer(text))
        folded = [fold(match.group()) for match in words]
        parts: list[str] = []
        position = index = 0
        while index < len(words):
            length = self._match_at(folded, index)
            if length:
                start, end = words[index].start(), words[index + length - 1].end()
                parts += [text[position:start], replacement]
                position = end
                index += length
            else:
                index += 1
        parts.append(text[position:])
        return "".join(parts)

    def _match_at(self, folded: list[str], index: int) -> int:
        for sequence in self.by_first.get(folded[index], ()):
            if tuple(folded[index : index + len(sequence)]) == sequence:
                return len(sequence)
        return 0


@lru_cache(maxsize=256)
def redactor(names: frozenset[str]) -> Redactor:
    return Redactor(names)


def redact(text: str, names: Iterable[str], replacement: str) -> str:
    """`text` with each of `names` (whole words, any case or accents) replaced."""
    return redactor(frozenset(names))(text, replacement)
