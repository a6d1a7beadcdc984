"""A number followed by a countable noun goes through ngettext, so "1 UN agencies" and
"1 paragraphs" cannot be shown, in any of the three languages."""

import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

ROOT = Path(__file__).resolve().parents[2]
# Limits fixed in the code (never 1), named as such in their placeholders.
FIXED = {"minutes", "days", "max", "most"}
COUNTED = re.compile(r"%\((?P<name>\w+)\)d(?:\s+(?:\w+\s+)?(?P<noun>[a-zA-Z]+s)\b)")
NOT_NOUNS = {"was", "is", "has", "its", "this", "us", "as", "yes"}


def singular_messages() -> list[tuple[str, int, str]]:
    methods = [("tracker/**.py", "python"), ("templates/**.html", "jinja2")]
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    return [
        (file, line, message)
        for file, line, message, _comments, _context in extract_from_dir(
            ROOT,
            methods,
            keywords=keywords,
            directory_filter=lambda path: not Path(path).name.startswith("."),
        )
        if isinstance(message, str)
    ]


def counted_nouns(message: str) -> list[str]:
    return [
        match.group("noun")
        for match in COUNTED.finditer(message)
        if match.group("name") not in FIXED and match.group("noun").lower() not in NOT_NOUNS
    ]


def test_the_rule_finds_a_plural_noun_after_a_number():
    assert counted_nouns("%(states)d governments and %(agencies)d UN agencies took part.") == [
        "governments",
        "agencies",
    ]
    assert counted_nouns("Day %(n)d") == []
    assert counted_nouns("within %(minutes)d minutes") == []


def test_every_counted_noun_goes_through_ngettext():
    offending = [
        f"{file}:{line}: {message!r}"
        for file, line, message in singular_messages()
        if counted_nouns(message)
    ]
    assert offending == [], "use ngettext for these:\n" + "\n".join(offending)
