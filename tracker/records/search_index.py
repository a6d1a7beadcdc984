"""The full-text index of search: one entry per searchable record and audience.

An entry holds the analysed terms (`tracker.text.search.index_text`) of what one audience
reads of one record: civil society the working copy, observers what was published to them
(the snapshot, Chatham House redaction applied), everyone a draft's paragraph. The
databases index those terms with their own full-text engines, kept in step with the table
by the database itself:

- SQLite: an FTS5 table with external content (`search_fts`), filled by triggers on
  `search_entry`, which also indexes each entry's audience and kind as tokens of a
  `scope` column, so one MATCH finds the reader's entries without a join;
- PostgreSQL: a generated `tsvector` column (`document`) with a GIN index.

Neither lives in the models (SQLAlchemy has no type for them): the DDL below runs after the
table is created (`create_all` in tests, the migration elsewhere), and `is_hand_made`
keeps Alembic's comparison away from them. `tracker.search.index` writes the entries.
"""

import enum

from sqlalchemy import DDL, Index, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from tracker.core.extensions import Model
from tracker.records.base import DerivedVisibilityMixin


class Audience(enum.StrEnum):
    CIVIL_SOCIETY = "civil_society"
    OBSERVER = "observer"
    EVERYONE = "everyone"


class SearchEntry(DerivedVisibilityMixin, Model):
    """Read by search with Core statements only, for the audience of the reader."""

    __tablename__ = "search_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # the search source's kind ("notes"...)
    record_id: Mapped[int] = mapped_column(Integer)
    audience: Mapped[str] = mapped_column(String(20))
    act_id: Mapped[int | None] = mapped_column(Integer)
    # Entries of one group are one result: copies of a paragraph across drafts share it.
    group_key: Mapped[str] = mapped_column(String(64))
    terms: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")  # counts half (headings)
    # Tokens of the audience and the kind ("audobserver kindnotes"): SQLite's index filters
    # on them in the same MATCH as the words (see `scope_tokens`).
    scope: Mapped[str] = mapped_column(String(60), default="")

    __table_args__ = (
        UniqueConstraint("kind", "record_id", "audience"),
        Index("ix_search_entry_group_key", "group_key"),
    )


def scope_tokens(audience: str, kind: str) -> str:
    return f"{audience_token(audience)} {kind_token(kind)}"


def audience_token(audience: str) -> str:
    return "aud" + audience.replace("_", "")


def kind_token(kind: str) -> str:
    return "kind" + kind


FTS_TABLE = "search_fts"
TSVECTOR_COLUMN = "document"
TSVECTOR_INDEX = "ix_search_entry_document"

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(terms, context, scope, "
    "content='search_entry', content_rowid='id', tokenize='ascii')",
    "CREATE TRIGGER IF NOT EXISTS search_entry_inserted AFTER INSERT ON search_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, terms, context, scope) "
    "VALUES (new.id, new.terms, new.context, new.scope); END",
    "CREATE TRIGGER IF NOT EXISTS search_entry_deleted AFTER DELETE ON search_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, terms, context, scope) "
    "VALUES ('delete', old.id, old.terms, old.context, old.scope); END",
    "CREATE TRIGGER IF NOT EXISTS search_entry_updated AFTER UPDATE ON search_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, terms, context, scope) "
    "VALUES ('delete', old.id, old.terms, old.context, old.scope); "
    f"INSERT INTO {FTS_TABLE}(rowid, terms, context, scope) "
    "VALUES (new.id, new.terms, new.context, new.scope); END",
]
SQLITE_DROP = [f"DROP TABLE IF EXISTS {FTS_TABLE}"]  # its triggers go with search_entry
POSTGRESQL_CREATE = [
    f"ALTER TABLE search_entry ADD COLUMN {TSVECTOR_COLUMN} tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, terms), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, context), 'B')) STORED",
    f"CREATE INDEX {TSVECTOR_INDEX} ON search_entry USING gin ({TSVECTOR_COLUMN})",
]


def is_hand_made(name: str | None, type_: str, parent_names: dict) -> bool:
    """Whether a database object is one of the index's own (not in the models)."""
    if type_ == "table":
        return bool(name) and str(name).startswith(FTS_TABLE)
    if type_ == "column":
        return parent_names.get("table_name") == "search_entry" and name == TSVECTOR_COLUMN
    return type_ == "index" and name == TSVECTOR_INDEX


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic's `include_name` hook: compare everything but the index's own objects."""
    return not is_hand_made(name, type_, parent_names)


for statement in SQLITE_CREATE:
    event.listen(SearchEntry.__table__, "after_create", DDL(statement).execute_if(dialect="sqlite"))
for statement in SQLITE_DROP:
    event.listen(SearchEntry.__table__, "before_drop", DDL(statement).execute_if(dialect="sqlite"))
for statement in POSTGRESQL_CREATE:
    event.listen(
        SearchEntry.__table__, "after_create", DDL(statement).execute_if(dialect="postgresql")
    )
