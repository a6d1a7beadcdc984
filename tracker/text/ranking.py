"""Rank a draft's paragraphs by how likely they carry a key message (BM25, in Python).

Why not the database's full-text search: key messages are written in English, French or
Spanish while a draft is usually in English; SQLite FTS5 and PostgreSQL's 'simple'
configuration only match the same word forms. Here both sides go through the same
analyser: lowercase, accents stripped, a small stop-word list in the three languages,
light stemming (plurals) and a bilingual map of the domain's key terms onto one concept
(détention / detención -> detention). A draft has a few hundred paragraphs, so BM25 over
one draft is cheap, and it runs the same on SQLite and PostgreSQL. The evaluation set in
tests/text/ measures it against FTS5.
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tracker.text.lexicon import stop_words, synonyms
from tracker.text.words import WORD, stem, strip_accents

K1 = 1.2
B = 0.75
SECTION_WEIGHT = 0.5  # a heading's words count half as much as the paragraph's own


@lru_cache(maxsize=100_000)
def _term(raw: str) -> str | None:
    """One word's term (None for stop words and numbers); a language has few distinct words,
    so search, which analyses many texts a request, mostly finds them here."""
    if raw in stop_words() or raw.isdigit():
        return None
    stemmed = stem(raw)
    concepts = synonyms()
    return concepts.get(raw) or concepts.get(stemmed) or stemmed


def terms(text: str) -> list[str]:
    """The analysed terms of a text: what both the query and the paragraphs are reduced to."""
    analysed = (_term(raw) for raw in WORD.findall(strip_accents(text).casefold()))
    return [term for term in analysed if term is not None]


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
    query_terms = set(terms(query))
    if not query_terms:
        return []
    documents: list[dict[str, float]] = []  # each paragraph's (weighted) term counts
    for p in paragraphs:
        counts: dict[str, float] = dict(Counter(terms(p.text)))
        for term in terms(p.section or ""):
            counts[term] = counts.get(term, 0) + SECTION_WEIGHT
        documents.append(counts)
    body = [i for i, p in enumerate(paragraphs) if not p.heading_level]
    if not body:
        return []
    lengths = {i: sum(documents[i].values()) for i in body}
    average = sum(lengths.values()) / len(body) or 1.0
    frequency = Counter(term for i in body for term in documents[i] if term in query_terms)
    n = len(body)
    idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in frequency.items()}
    ranked: list[Ranked] = []
    for i in body:
        score = 0.0
        for term, weight in idf.items():
            tf = documents[i].get(term, 0)
            if tf:
                score += weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[i] / average))
        if score > 0:
            ranked.append(Ranked(i, score))
    ranked.sort(key=lambda r: (-r.score, r.index))
    return ranked[:limit]
