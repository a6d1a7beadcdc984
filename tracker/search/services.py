"""Search: a prefilter in SQL, the ranking in Python, the same on SQLite and PostgreSQL.

Each source runs one query: rows in which every term of the query appears (a
case-insensitive LIKE, with accentable letters left open), the newest
CANDIDATES_PER_SOURCE of them (reading by id from the newest, the database stops as soon as
it has enough). The candidates are then ranked together with the drafts' BM25
(`tracker.text.ranking.rank`), which also drops those that only looked like a match, and
only the shown page gets its snippets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy import Select, select

from tracker.core.extensions import db
from tracker.core.pagination import Page
from tracker.records.acts import Act
from tracker.search.sources import SOURCES, Document, Source
from tracker.text.ranking import rank
from tracker.text.search import QueryTerm, highlight, like, query_terms, snippet, terms_in

PER_PAGE = 20
# Measured on the large benchmark data: 200 took over a second a search, mostly ranking.
CANDIDATES_PER_SOURCE = 60
MAX_QUERY_LENGTH = 200


@dataclass
class Result:
    document: Document
    title: Markup
    snippet: Markup


@dataclass
class Results(Page):
    items: list[Result]
    # Some source had more candidates than it may rank: narrowing the search helps.
    truncated: bool
    # False when every word of the query was a stop word or a number.
    understood: bool = True


def search(
    query: str,
    reader,
    act_number: int | None = None,
    kind: str | None = None,
    page: int = 1,
) -> Results:
    """One page of what `reader` may see matching `query`, the best match first."""
    wanted = query_terms(query)
    documents, truncated = _candidate_documents(wanted, reader, act_number, kind)
    marked = frozenset(t.term for t in wanted)
    ranked = _ranked(query, documents, marked)
    pages = max(1, math.ceil(len(ranked) / PER_PAGE))
    page = min(max(page, 1), pages)
    items = [
        Result(
            document=document,
            title=(
                highlight(document.title, marked)
                if document.searched_title
                else escape(document.title)
            ),
            snippet=snippet(document.body, marked),
        )
        for document in ranked[(page - 1) * PER_PAGE : page * PER_PAGE]
    ]
    return Results(
        items=items,
        total=len(ranked),
        page=page,
        per_page=PER_PAGE,
        truncated=truncated,
        understood=bool(wanted),
    )


def _candidate_documents(
    wanted: list[QueryTerm], reader, act_number: int | None, kind: str | None
) -> tuple[list[Document], bool]:
    """The candidates of every source asked for (one query each), and whether any source
    had more than it may rank."""
    if not wanted:
        return [], False
    sources = [s for s in SOURCES if kind in (None, s.kind)]
    if act_number is not None:
        sources = [s for s in sources if s.act_column is not None]
    documents: list[Document] = []
    truncated = False
    for source in sources:
        statement = candidates(source, wanted, reader, act_number, CANDIDATES_PER_SOURCE + 1)
        rows = db.session.scalars(statement).unique().all()
        truncated |= len(rows) > CANDIDATES_PER_SOURCE
        documents += [source.read(row, reader) for row in rows[:CANDIDATES_PER_SOURCE]]
    return documents, truncated


def candidates(
    source: Source, wanted: list[QueryTerm], reader, act_number: int | None, limit: int
) -> Select:
    """The source's newest rows holding every term (in what `reader` may read of them)."""
    loose = [source.matches([like(p) for p in term.loose], reader) for term in wanted]
    query = source.select().where(*loose)
    if act_number is not None:
        query = query.where(source.act_column.in_(select(Act.id).where(Act.number == act_number)))
    return query.order_by(source.model.id.desc()).limit(limit)


def _ranked(query: str, documents: list[Document], wanted: frozenset[str]) -> list[Document]:
    """Documents holding every term of the query, the best match first."""
    if not documents or not wanted:
        return []
    best_first = rank(query, documents, limit=len(documents))
    return [documents[r.index] for r in best_first if _holds_all(documents[r.index], wanted)]


def _holds_all(document: Document, wanted: frozenset[str]) -> bool:
    return wanted <= terms_in(document.text) | terms_in(document.section)
