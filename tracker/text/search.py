"""Text for search: the terms of a query and of a record as the full-text indexes store
them, snippets, and Markdown as plain text.

Matching goes through the ranking's analyser (`tracker.text.ranking`: lowercase, accents
stripped, stop words, Snowball stemming, the en/fr/es domain synonyms), so a word is
highlighted exactly when it counted for the match. The databases' indexes (SQLite FTS5,
PostgreSQL tsvector) receive the analysed terms as `index_text`, each an ASCII token both
tokenizers keep whole, and are asked with `query_tokens`.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from tracker.text.lexicon import language_of
from tracker.text.ranking import query_alternatives, term, terms
from tracker.text.words import WORD, fold

MAX_TERMS = 8
SNIPPET_WIDTH = 240
SNIPPET_LEAD = 60  # characters of context kept before the first match
ELLIPSIS = "…"
_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=100_000)
def term_of(word: str, language: str = "en") -> str | None:
    """The analysed term of one word in `language`, or None for a stop word or a number."""
    return term(fold(word), language)


def terms_in(text: str) -> set[str]:
    """The distinct analysed terms of a text (word by word, so repeated words cost once)."""
    language = language_of(text)
    return {t for word in set(WORD.findall(text)) if (t := term_of(word, language))}


# ---------------------------------------------------------------------------------------------
# The index and the query


def index_token(analysed: str) -> str:
    """A term as the indexes store it: itself when plain ASCII letters and digits, else a
    hexadecimal spelling no word is written with ("0x" then the UTF-8 bytes), so that
    SQLite's and PostgreSQL's tokenizers both keep it as one token."""
    if _TOKEN.fullmatch(analysed):
        return analysed
    return "0x" + analysed.encode("utf-8").hex()


def index_text(text: str, language: str | None = None) -> str:
    """The tokens the indexes store for a text (its terms, in order, repeats kept)."""
    return " ".join(index_token(t) for t in terms(text, language))


@dataclass(frozen=True)
class Query:
    """A query as search runs it: for each word, the terms that match it (any of them)."""

    alternatives: tuple[frozenset[str], ...]

    @property
    def wanted(self) -> frozenset[str]:
        """Every term to highlight."""
        return frozenset().union(*self.alternatives)

    def tokens(self) -> list[list[str]]:
        """For each word, its index tokens: a record matches when it holds one of each."""
        return [sorted(index_token(t) for t in found) for found in self.alternatives]

    def __bool__(self) -> bool:
        return bool(self.alternatives)


def parse_query(query: str) -> Query:
    """The first MAX_TERMS distinct words of `query` that are not stop words or numbers."""
    normalized = unicodedata.normalize("NFC", query)
    return Query(tuple(query_alternatives(normalized)[:MAX_TERMS]))


# ---------------------------------------------------------------------------------------------
# Cleaning what is shown


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_LINE_START = re.compile(r"^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"[*_`~]{1,3}")
_SPACES = re.compile(r"\s+")


def markdown_to_text(markdown: str) -> str:
    """The words of a Markdown text, without its markup (for matching and snippets)."""
    text = _MD_LINK.sub(r"\1", unicodedata.normalize("NFC", markdown or ""))
    text = _MD_LINE_START.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def plain(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


# ---------------------------------------------------------------------------------------------
# Highlighting


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    term: str


def _hits(text: str, wanted: frozenset[str]) -> list[_Hit]:
    language = language_of(text)
    return [
        _Hit(m.start(), m.end(), found)
        for m in WORD.finditer(text)
        if (found := term_of(m.group(), language)) in wanted
    ]


def _marked(text: str, start: int, end: int, hits: list[_Hit]) -> Markup:
    """text[start:end], escaped, with each hit inside it wrapped in <mark>."""
    parts = []
    position = start
    for hit in hits:
        if hit.start < start or hit.end > end:
            continue
        parts.append(escape(text[position : hit.start]))
        parts.append(Markup("<mark>%s</mark>") % text[hit.start : hit.end])
        position = hit.end
    parts.append(escape(text[position:end]))
    return Markup("").join(parts)


def highlight(text: str, wanted: frozenset[str]) -> Markup:
    """The whole text, escaped, with the words matching `wanted` terms marked."""
    return _marked(text, 0, len(text), _hits(text, wanted))


def snippet(text: str, wanted: frozenset[str], width: int = SNIPPET_WIDTH) -> Markup:
    """About `width` characters of `text` around its best-matching stretch, marked."""
    hits = _hits(text, wanted)
    start = 0
    if hits:
        best = _best_start(hits, width - SNIPPET_LEAD)
        start = max(0, best - SNIPPET_LEAD)
        space = text.find(" ", start, best)
        if start > 0 and space != -1:
            start = space + 1  # never open on half a word
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    return Markup("%s%s%s") % (before, _marked(text, start, end, hits), after)


def _best_start(hits: list[_Hit], span: int) -> int:
    """Where the stretch of at most `span` characters with the most distinct terms starts."""
    best, best_score = hits[0].start, (0, 0)
    last = 0
    for first in range(len(hits)):
        last = max(last, first)
        while last + 1 < len(hits) and hits[last + 1].end - hits[first].start <= span:
            last += 1
        inside = hits[first : last + 1]
        score = (len({h.term for h in inside}), len(inside))
        if score > best_score:
            best, best_score = hits[first].start, score
    return best
