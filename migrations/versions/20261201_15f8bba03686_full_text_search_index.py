"""full-text search index: entries per audience, SQLite FTS5 / PostgreSQL tsvector + GIN

Revision ID: 15f8bba03686
Revises: 091df33564b5
Create Date: 2026-12-01 18:16:34.434682

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session


# revision identifiers, used by Alembic.
revision = '15f8bba03686'
down_revision = '091df33564b5'
branch_labels = None
depends_on = None

# The index's own objects, as tracker.records.search_index creates them (copied here, so
# that this revision stays as it ran whatever the module becomes).
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(terms, context, scope, "
    "content='search_entry', content_rowid='id', tokenize='ascii')",
    "CREATE TRIGGER search_entry_inserted AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, terms, context, scope) "
    "VALUES (new.id, new.terms, new.context, new.scope); END",
    "CREATE TRIGGER search_entry_deleted AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms, context, scope) "
    "VALUES ('delete', old.id, old.terms, old.context, old.scope); END",
    "CREATE TRIGGER search_entry_updated AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms, context, scope) "
    "VALUES ('delete', old.id, old.terms, old.context, old.scope); "
    "INSERT INTO search_fts(rowid, terms, context, scope) "
    "VALUES (new.id, new.terms, new.context, new.scope); END",
]
POSTGRESQL_CREATE = [
    "ALTER TABLE search_entry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, terms), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, context), 'B')) STORED",
    "CREATE INDEX ix_search_entry_document ON search_entry USING gin (document)",
]


def upgrade():
    op.create_table('search_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('act_id', sa.Integer(), nullable=True),
    sa.Column('group_key', sa.String(length=64), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('scope', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_entry')),
    sa.UniqueConstraint('kind', 'record_id', 'audience', name=op.f('uq_search_entry_kind'))
    )
    with op.batch_alter_table('search_entry', schema=None) as batch_op:
        batch_op.create_index('ix_search_entry_group_key', ['group_key'], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}.get(dialect, []):
        op.execute(statement)

    # Index what the workspace already holds, with the text engine of this release.
    from tracker.search.index import rebuild

    rebuild(Session(bind=op.get_bind()))


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('search_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_search_entry_group_key')

    op.drop_table('search_entry')
