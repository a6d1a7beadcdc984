"""Search: the database's full-text index finds and ranks, the page's records are read
through the visibility filter, and only the shown page gets its snippets.

The query is analysed like every searched text (`tracker.text.search.parse_query`): each
word matches by its terms in English, French and Spanish, so "détention des enfants" finds
"child detention". `tracker.search.matching` runs one statement over the index entries of
the reader's audience (civil society: working copies; observers: what was published to
them), ranking every match; then each source loads the page's records in one query, as the
reader may read them, which is what the titles and snippets are cut from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from markupsafe import Markup, escape
from sqlalchemy import Table, and_

from tracker.core.extensions import db
from tracker.core.pagination import Page
from tracker.records import policy
from tracker.records.drafts import Draft, DraftParagraph
from tracker.records.search_index import Audience, SearchEntry
from tracker.search import matching
from tracker.search.sources import SOURCES, Document, ParagraphSource, Source, paragraph_url
from tracker.text.search import highlight, parse_query, snippet

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
ENTRIES = cast(Table, SearchEntry.__table__)


@dataclass
class Result:
    document: Document
    title: Markup
    snippet: Markup


@dataclass
class Results(Page):
    items: list[Result]
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
    parsed = parse_query(query)
    sources = [s for s in SOURCES if kind in (None, s.kind)]
    if act_number is not None:
        sources = [s for s in sources if s.act_key]
    if not parsed or not sources:
        return Results(items=[], total=0, page=1, per_page=PER_PAGE, understood=bool(parsed))
    found = matching.find(
        parsed,
        matching.audiences(policy.sees_everything(reader)),
        [source.kind for source in sources],
        act_number,
        page,
        PER_PAGE,
    )
    documents = _documents(found.hits, sources, reader)
    wanted = parsed.wanted
    items = [
        Result(
            document=document,
            title=(
                highlight(document.title, wanted)
                if document.searched_title
                else escape(document.title)
            ),
            snippet=snippet(document.body, wanted),
        )
        for document in documents
    ]
    return Results(items=items, total=found.total, page=found.page, per_page=PER_PAGE)


def _documents(hits: list[matching.Hit], sources: list[Source], reader) -> list[Document]:
    """The hits' records as `reader` reads them, in the hits' order (one query a source)."""
    read: dict[tuple[str, int], Document] = {}
    for source in sources:
        ids = [hit.record_id for hit in hits if hit.kind == source.kind]
        if isinstance(source, ParagraphSource):
            keys = [hit.group_key for hit in hits if hit.kind == source.kind]
            read |= _paragraphs_with_copies(source, ids, keys, reader)
            continue
        statement = source.select().where(source.model.id.in_(ids))
        for row in db.session.scalars(statement).unique():
            read[(source.kind, row.id)] = source.read(row, reader)
    # A record gone since it was indexed (or hidden from the reader) is left out.
    return [read[key] for hit in hits if (key := (hit.kind, hit.record_id)) in read]


def _paragraphs_with_copies(
    source: ParagraphSource, ids: list[int], keys: list[str], reader
) -> dict[tuple[str, int], Document]:
    """The hits' paragraphs, each with the same paragraph in the other drafts."""
    statement = (
        source.select()
        .add_columns(ENTRIES.c.group_key)
        .join(
            ENTRIES,
            and_(
                ENTRIES.c.kind == source.kind,
                ENTRIES.c.audience == Audience.EVERYONE.value,
                ENTRIES.c.record_id == DraftParagraph.id,
            ),
        )
        .join(Draft, Draft.id == DraftParagraph.draft_id)
        .where(ENTRIES.c.group_key.in_(keys))
        .order_by(Draft.released_on, Draft.id)
    )
    rows = db.session.execute(statement).unique().all()
    read = {}
    for paragraph, key in rows:
        if paragraph.id not in ids:
            continue
        document = source.read(paragraph, reader)
        document.copies = [
            (copy.draft.name, paragraph_url(copy))
            for copy, copy_key in rows
            if copy_key == key and copy.id != paragraph.id
        ]
        read[(source.kind, paragraph.id)] = document
    return read
