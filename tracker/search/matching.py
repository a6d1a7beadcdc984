"""One SQL statement finds, ranks, groups and pages every match of a query in the index.

The database's own full-text engine matches the query's tokens (each word by any of its
terms in the three languages) in the entries of the reader's audience and scores them:
SQLite with FTS5's BM25, PostgreSQL with `ts_rank_cd` (cover density) over the tsvector
(its GIN index finds the rows). Heading words count half on both. Entries sharing a group
key (copies of a paragraph across drafts) become one hit, the newest copy standing for the
others; the hits are sorted best first, and the statement returns the asked page (the
last one when asked beyond it) with the number of hits, so every match is ranked and a
page costs one query whatever the amount of data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    bindparam,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    union_all,
)

from tracker.core.extensions import db
from tracker.records.acts import Act
from tracker.records.search_index import FTS_TABLE, TSVECTOR_COLUMN, Audience, SearchEntry
from tracker.text.search import Query

ENTRIES = cast(Table, SearchEntry.__table__)
PARAGRAPHS = "paragraphs"  # the kind whose copies across drafts are one result
HEADING_WEIGHT = 0.5  # as tracker.text.ranking.SECTION_WEIGHT
# ts_rank_cd's weights for D, C, B (headings) and A (the text); normalisation 1 divides by
# 1 + the logarithm of the length, so long texts do not win by length alone.
TS_RANK_WEIGHTS = f"{{0.1, 0.2, {HEADING_WEIGHT}, 1.0}}"
TS_RANK_NORMALIZATION = 1


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: int
    group_key: str
    copies: int  # entries of its group that matched (1 but for repeated paragraphs)


@dataclass(frozen=True)
class HitPage:
    hits: list[Hit]
    total: int
    page: int


def audiences(sees_everything: bool) -> tuple[str, str]:
    mine = Audience.CIVIL_SOCIETY if sees_everything else Audience.OBSERVER
    return (mine.value, Audience.EVERYONE.value)


def find(
    query: Query,
    audience: tuple[str, ...],
    kinds: list[str],
    act_number: int | None,
    page: int,
    per_page: int,
) -> HitPage:
    """The `page`-th page of hits (clamped to the pages there are), best first."""
    statement = ranked_page(query, audience, kinds, act_number, page, per_page)
    rows = db.session.execute(statement).all()
    if not rows:
        return HitPage(hits=[], total=0, page=1)
    return HitPage(
        hits=[Hit(row.kind, row.record_id, row.group_key, row.copies) for row in rows],
        total=rows[0].total,
        page=rows[0].start // per_page + 1,
    )


def ranked_page(
    query: Query,
    audience: tuple[str, ...],
    kinds: list[str],
    act_number: int | None,
    page: int,
    per_page: int,
) -> Select:
    matched = _matches(query).where(ENTRIES.c.audience.in_(audience), ENTRIES.c.kind.in_(kinds))
    if act_number is not None:
        matched = matched.where(
            ENTRIES.c.act_id.in_(select(Act.id).where(Act.number == act_number))
        )
    hits = matched.cte("hits")
    # Only paragraphs have copies to group: the other hits are results as they are.
    single = select(
        hits.c.kind,
        hits.c.record_id,
        hits.c.group_key,
        hits.c.score.label("best"),
        literal(1).label("copies"),
    ).where(hits.c.kind != PARAGRAPHS)
    grouped = (
        select(
            hits.c.kind,
            func.max(hits.c.record_id).label("record_id"),  # the newest copy
            hits.c.group_key,
            func.min(hits.c.score).label("best"),
            func.count().label("copies"),
        )
        .where(hits.c.kind == PARAGRAPHS)
        .group_by(hits.c.kind, hits.c.group_key)
    )
    results = union_all(single, grouped).cte("results")
    total = select(func.count()).select_from(results).scalar_subquery()
    offset = literal((max(page, 1) - 1) * per_page)
    start = case((offset < total, offset), else_=(total - 1) // per_page * per_page)
    return (
        select(results, total.label("total"), start.label("start"))
        .order_by(results.c.best, results.c.kind, results.c.record_id.desc())
        .limit(per_page)
        .offset(start)
    )


def _matches(query: Query) -> Select:
    """Entries holding every word of the query, with a score (the lower the better)."""
    if db.engine.dialect.name == "postgresql":
        return _postgresql_matches(query)
    return _sqlite_matches(query)


def _sqlite_matches(query: Query) -> Select:
    fts = table(FTS_TABLE, column("rowid"))
    expression = " AND ".join(
        "(" + " OR ".join(f'"{token}"' for token in tokens) + ")" for tokens in query.tokens()
    )
    score: ColumnElement = func.bm25(literal_column(FTS_TABLE), 1.0, HEADING_WEIGHT)
    return (
        select(
            ENTRIES.c.kind,
            ENTRIES.c.record_id,
            ENTRIES.c.group_key,
            score.label("score"),
        )
        .select_from(fts.join(ENTRIES, ENTRIES.c.id == fts.c.rowid))
        .where(text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=expression))
    )


def _postgresql_matches(query: Query) -> Select:
    expression = " & ".join("(" + " | ".join(tokens) + ")" for tokens in query.tokens())
    tsquery = func.to_tsquery(literal_column("'simple'"), bindparam("ts_query", expression))
    document: ColumnElement[Any] = literal_column(f"search_entry.{TSVECTOR_COLUMN}")
    rank = func.ts_rank_cd(
        literal_column(f"'{TS_RANK_WEIGHTS}'"), document, tsquery, TS_RANK_NORMALIZATION
    )
    return select(
        ENTRIES.c.kind,
        ENTRIES.c.record_id,
        ENTRIES.c.group_key,
        (-rank).label("score"),
    ).where(document.op("@@")(tsquery))
