"""Rank a draft's paragraphs by how likely they carry a key message (BM25, in Python).

Both sides go through the same analyser: lowercase, accents stripped, a small stop-word
list in the three languages, Snowball stemming (a text in its own language, a query in all
three, since a few words cannot tell) and a trilingual map of the domain's key terms onto
one concept (détention / detención -> detention), so key messages written in French or
Spanish find an English draft's paragraphs. A draft has a few hundred paragraphs, so BM25
over one draft is cheap, and it runs the same on SQLite and PostgreSQL; search feeds the
same terms to the databases' full-text indexes. The evaluation set in tests/text/
measures it.
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tracker.text.lexicon import language_of, stop_words, synonyms
from tracker.text.words import LANGUAGES, WORD, stem, strip_accents

K1 = 1.2
B = 0.75
SECTION_WEIGHT = 0.5  # a heading's words count half as much as the paragraph's own


@lru_cache(maxsize=200_000)
def term(raw: str, language: str) -> str | None:
    """One folded word's term in `language` (None for stop words and numbers); a language
    has few distinct words, so search, which analyses many texts, mostly finds them here."""
    if raw in stop_words() or raw.isdigit():
        return None
    concepts = synonyms()
    if raw in concepts:
        return concepts[raw]
    stemmed = stem(raw, language)
    return concepts.get(stemmed) or stemmed


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return WORD.findall(strip_accents(text).casefold())


def terms(text: str, language: str | None = None) -> list[str]:
    """The analysed terms of a text, stemmed in its language (or in `language`)."""
    folded = words(text)
    language = language or language_of(" ".join(folded))
    analysed = (term(raw, language) for raw in folded)
    return [t for t in analysed if t is not None]


def query_alternatives(query: str) -> list[frozenset[str]]:
    """For each distinct word of a query that is not a stop word or a number, its terms in
    the three languages (one to three): a text matches the word when it holds any of them."""
    concepts = frozenset(synonyms().values())
    alternatives: list[frozenset[str]] = []
    for raw in words(query):
        found = frozenset(t for language in LANGUAGES if (t := term(raw, language)))
        # A word one language reads as a key term of the domain is that term.
        found = (found & concepts) or found
        # A word already asked for in other words (or a superset of them) adds nothing.
        if found and not any(known <= found for known in alternatives):
            alternatives.append(found)
    return alternatives


def query_terms(query: str) -> frozenset[str]:
    """Every term a query may match, in any of the three languages."""
    return frozenset().union(*query_alternatives(query))


@dataclass(frozen=True)
class Ranked:
    index: int  # position in the sequence given to rank()
    score: float


def rank(
    query: str,
    paragraphs: Sequence,
    limit: int = 5,
) -> list[Ranked]:
    """The paragraphs (objects with .text, .section and .heading_level) best matching
    `query`, best first; headings are never proposed, nor paragraphs scoring 0."""
    wanted = query_terms(query)
    if not wanted:
        return []
    documents: list[dict[str, float]] = []  # each paragraph's (weighted) term counts
    for p in paragraphs:
        language = language_of(p.text)
        counts: dict[str, float] = dict(Counter(terms(p.text, language)))
        for t in terms(p.section or "", language):
            counts[t] = counts.get(t, 0) + SECTION_WEIGHT
        documents.append(counts)
    body = [i for i, p in enumerate(paragraphs) if not p.heading_level]
    if not body:
        return []
    lengths = {i: sum(documents[i].values()) for i in body}
    average = sum(lengths.values()) / len(body) or 1.0
    frequency = Counter(t for i in body for t in documents[i] if t in wanted)
    n = len(body)
    idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in frequency.items()}
    ranked: list[Ranked] = []
    for i in body:
        score = 0.0
        for t, weight in idf.items():
            tf = documents[i].get(t, 0)
            if tf:
                score += weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[i] / average))
        if score > 0:
            ranked.append(Ranked(i, score))
    ranked.sort(key=lambda r: (-r.score, r.index))
    return ranked[:limit]
