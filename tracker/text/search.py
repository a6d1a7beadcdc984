"""Text for search: the terms of a query, SQL LIKE patterns, snippets, and Markdown as plain
text.

Matching goes through the ranking's analyser (`tracker.text.ranking.terms`: lowercase,
accents stripped, stop words, light stemming, the en/fr/es domain synonyms), so a word is
highlighted exactly when it counted for the ranking.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from markupsafe import Markup, escape

from tracker.text.lexicon import synonyms
from tracker.text.ranking import terms
from tracker.text.words import WORD, fold, stem

# Letters that French or Spanish may write with an accent: in SQL they become "_", which
# LIKE matches to any one character, so "detention" also finds "détention".
ACCENTABLE = frozenset("aeiou")
MIN_LITERALS = 3  # below this many fixed letters a pattern matches nearly any text
MAX_TERMS = 8
MAX_VARIANTS = 24
SNIPPET_WIDTH = 240
SNIPPET_LEAD = 60  # characters of context kept before the first match
ELLIPSIS = "…"


@lru_cache(maxsize=100_000)
def term_of(word: str) -> str | None:
    """The analysed term of one word, or None for a stop word or a number."""
    analysed = terms(word)
    return analysed[0] if analysed else None


def terms_in(text: str) -> set[str]:
    """The distinct analysed terms of a text (word by word, so repeated words cost once)."""
    return {term for word in set(WORD.findall(text)) if (term := term_of(word))}


# ---------------------------------------------------------------------------------------------
# The query


@dataclass(frozen=True)
class QueryTerm:
    term: str  # the analysed term, as the ranking sees it
    exact: tuple[str, ...]  # substrings as typed (accents folded, and as written)
    loose: tuple[str, ...]  # the same with accentable letters left open


def query_terms(query: str) -> list[QueryTerm]:
    """The distinct terms of `query` (at most MAX_TERMS), each with its SQL substrings."""
    variants: dict[str, set[str]] = {}
    for word in WORD.findall(unicodedata.normalize("NFC", query)):
        term = term_of(word)
        if term is None:
            continue
        if term not in variants:
            if len(variants) == MAX_TERMS:
                continue
            variants[term] = set(_synonyms_of(term))
        variants[term] |= {_stem_prefix(fold(word)), word.casefold()}
    return [_query_term(term, words) for term, words in variants.items()]


@cache
def _synonyms_by_concept() -> dict[str, frozenset[str]]:
    by_concept: dict[str, set[str]] = {}
    for word, concept in synonyms().items():
        by_concept.setdefault(concept, set()).add(word)
    return {concept: frozenset(words) for concept, words in by_concept.items()}


def _synonyms_of(term: str) -> frozenset[str]:
    return _synonyms_by_concept().get(term, frozenset())


def _stem_prefix(word: str) -> str:
    """A substring shared by the word's forms: "countries"/"country" -> "countr"."""
    stemmed = stem(word)
    if len(stemmed) > 4 and stemmed.endswith(("y", "al")):  # countries, nationaux
        stemmed = stemmed[:-1]
    return stemmed


def _query_term(term: str, words: set[str]) -> QueryTerm:
    # A word containing another one adds nothing to a substring search.
    kept = _shortest(words)[:MAX_VARIANTS]
    loose = _shortest({pattern for word in kept for pattern in _loosen(word)})
    return QueryTerm(term=term, exact=tuple(kept), loose=tuple(loose))


def _shortest(substrings: set[str]) -> list[str]:
    """Those not containing another one: a text holding the longer holds the shorter."""
    return sorted(s for s in substrings if s and not any(o != s and o in s for o in substrings))


def _loosen(word: str) -> set[str]:
    """LIKE patterns for the ways `word` may be written with accents."""
    return {_open_vowels(spelling) for spelling in _cedillas_and_tildes(word)}


def _open_vowels(word: str) -> str:
    pattern = "".join("_" if c in ACCENTABLE else c for c in word)
    literals = sum(c != "_" for c in pattern)
    return pattern if literals >= MIN_LITERALS else word


def _cedillas_and_tildes(word: str) -> set[str]:
    """Spellings with ñ or ç: "nino" -> {"nino", "niño"}, "francais" -> {"francais",
    "français"}. A ñ sits between vowels, a ç before a, o or u (two places at most)."""
    spellings = {word}
    places = [
        (i, "ñ" if c == "n" else "ç")
        for i, c in enumerate(word)
        if 0 < i < len(word) - 1
        and (
            (c == "n" and word[i - 1] in ACCENTABLE and word[i + 1] in ACCENTABLE)
            or (c == "c" and word[i + 1] in "aou")
        )
    ][:2]
    for i, letter in places:
        spellings |= {s[:i] + letter + s[i + 1 :] for s in spellings}
    return spellings


def like(substring: str) -> str:
    # Words come from WORD, so they never hold "%" or "_" of their own.
    return f"%{substring}%"


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
    return [
        _Hit(m.start(), m.end(), term)
        for m in WORD.finditer(text)
        if (term := term_of(m.group())) in wanted
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
