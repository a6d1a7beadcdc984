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
    Executable,
    Select,
    Table,
    TextClause,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    select,
    text,
    union_all,
)

from tracker.core.extensions import db
from tracker.records.acts import Act
from tracker.records.search_index import (
    FTS_TABLE,
    TSVECTOR_COLUMN,
    Audience,
    SearchEntry,
    audience_token,
    kind_token,
)
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
    statement: Executable
    if db.engine.dialect.name == "sqlite":
        statement = sqlite_ranked_page(query, audience, kinds, act_number, page, per_page)
    else:
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
    """PostgreSQL's statement (the GIN index finds the entries of the audience)."""
    matched = _postgresql_matches(query).where(
        ENTRIES.c.audience.in_(audience), ENTRIES.c.kind.in_(kinds)
    )
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


def sqlite_ranked_page(
    query: Query,
    audience: tuple[str, ...],
    kinds: list[str],
    act_number: int | None,
    page: int,
    per_page: int,
) -> TextClause:
    """SQLite's statement: the audience and kind are tokens of the entries' `scope` column,
    so FTS5 finds the reader's entries by itself, BM25 scores them (the scope counts 0) and
    only the page's hits and the paragraphs (to group their copies) are joined to
    `search_entry`."""
    words = " AND ".join(
        "{terms context} : (" + " OR ".join(f'"{token}"' for token in tokens) + ")"
        for tokens in query.tokens()
    )
    scope = _any_token(audience_token(a) for a in audience)
    singles = [kind for kind in kinds if kind != PARAGRAPHS]
    parts = []
    params: dict[str, Any] = {"offset": (max(page, 1) - 1) * per_page, "per_page": per_page}
    if act_number is not None:
        params["act_number"] = act_number
    if singles:
        kind_tokens = _any_token(kind_token(kind) for kind in singles)
        params["singles"] = f"{words} AND scope : {scope} AND scope : {kind_tokens}"
        parts.append(_SQLITE_SINGLES.format(act=_SQLITE_ACT if act_number is not None else ""))
    if PARAGRAPHS in kinds:
        params["paragraphs"] = f'{words} AND scope : "{kind_token(PARAGRAPHS)}"'
        parts.append(_SQLITE_PARAGRAPHS)
    statement = _SQLITE_PAGE.format(hits=",\n".join(parts), results=_sqlite_union(singles, kinds))
    return text(statement).bindparams(**params)


def _any_token(tokens) -> str:
    return "(" + " OR ".join(f'"{token}"' for token in tokens) + ")"


def _sqlite_union(singles: list[str], kinds: list[str]) -> str:
    selects = []
    if singles:
        selects.append("SELECT * FROM singles")
    if PARAGRAPHS in kinds:
        selects.append(_SQLITE_GROUPED)
    return " UNION ALL ".join(selects)


_SQLITE_SINGLES = f"""singles AS MATERIALIZED (
    SELECT {FTS_TABLE}.rowid AS entry_id, bm25({FTS_TABLE}, 1.0, {HEADING_WEIGHT}, 0.0) AS best,
        1 AS copies, NULL AS kind, NULL AS record_id, NULL AS group_key
    FROM {FTS_TABLE} {{act}}
    WHERE {FTS_TABLE} MATCH :singles
)"""
_SQLITE_ACT = (
    "JOIN search_entry AS filtered ON filtered.id = search_fts.rowid "
    "AND filtered.act_id IN (SELECT act.id FROM act WHERE act.number = :act_number)"
)
_SQLITE_PARAGRAPHS = f"""paragraph_hits AS MATERIALIZED (
    SELECT {FTS_TABLE}.rowid AS entry_id, bm25({FTS_TABLE}, 1.0, {HEADING_WEIGHT}, 0.0) AS score
    FROM {FTS_TABLE}
    WHERE {FTS_TABLE} MATCH :paragraphs
)"""
_SQLITE_GROUPED = f"""SELECT NULL AS entry_id, min(hit.score) AS best, count(*) AS copies,
        '{PARAGRAPHS}' AS kind, max(entry.record_id) AS record_id, entry.group_key AS group_key
    FROM paragraph_hits AS hit JOIN search_entry AS entry ON entry.id = hit.entry_id
    GROUP BY entry.group_key"""
_SQLITE_PAGE = """WITH {hits},
results AS MATERIALIZED ({results}),
bounds AS (
    SELECT total, CASE WHEN :offset < total THEN :offset
        ELSE (total - 1) / :per_page * :per_page END AS start
    FROM (SELECT count(*) AS total FROM results)
),
shown AS (
    SELECT * FROM results ORDER BY best, entry_id DESC, record_id DESC
    LIMIT :per_page OFFSET (SELECT start FROM bounds)
)
SELECT coalesce(shown.kind, entry.kind) AS kind,
    coalesce(shown.record_id, entry.record_id) AS record_id,
    coalesce(shown.group_key, entry.group_key) AS group_key,
    shown.copies AS copies, bounds.total AS total, bounds.start AS start
FROM shown LEFT JOIN search_entry AS entry ON entry.id = shown.entry_id, bounds
ORDER BY shown.best, shown.entry_id DESC, shown.record_id DESC"""
