"""Rank a draft's paragraphs by how likely they carry a key message (BM25, in Python).

Why not the database's full-text search: key messages are written in English, French or
Spanish while a draft is usually in English; SQLite FTS5 and PostgreSQL's 'simple'
configuration only match the same word forms. Here both sides go through the same
analyser: lowercase, accents stripped, a small stop-word list in the three languages,
light stemming (plurals) and a bilingual map of the domain's key terms onto one concept
(détention / detención -> detention). A draft has a few hundred paragraphs, so BM25 over
one draft is cheap, and it runs the same on SQLite and PostgreSQL. The evaluation set in
tests/drafts/ measures it against FTS5 (see tests/drafts/test_ranking_eval.py).
"""

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.drafts.lexicon import STOP_WORDS, SYNONYMS

K1 = 1.2
B = 0.75
SECTION_WEIGHT = 0.5  # a heading's words count half as much as the paragraph's own
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """Light stemming: plurals and a few endings shared by English, French and Spanish."""
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("aux", "al"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stemmed = word[: -len(suffix)] + replacement
            # "es" only when the plain word ends in s/x/z/ch/sh ("boxes"), else drop "s"
            if suffix == "es" and not re.search(r"(s|x|z|ch|sh|on|or|al|ad)$", stemmed):
                continue
            return stemmed
    return word


def terms(text: str) -> list[str]:
    """The analysed terms of a text: what both the query and the paragraphs are reduced to."""
    result: list[str] = []
    for raw in _WORD.findall(strip_accents(text).casefold()):
        if raw in STOP_WORDS or raw.isdigit():
            continue
        word = SYNONYMS.get(raw) or SYNONYMS.get(stem(raw)) or stem(raw)
        result.append(word)
    return result


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
    documents: list[Counter[str]] = []
    for p in paragraphs:
        counts: Counter[str] = Counter(terms(p.text))
        for term in terms(p.section or ""):
            counts[term] += SECTION_WEIGHT
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
