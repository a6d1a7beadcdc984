"""reference data in three languages

Revision ID: 5b1e0c7d9a21
Revises: 36fca693fe12
Create Date: 2026-12-01 18:30:00

ACTs, milestones, meetings, agenda items, governments and organisations carry their French and Spanish
beside the English (`translations`); member states carry their ISO 3166 code, so their
names come from CLDR in the reader's language.
"""

import json
from importlib import resources

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5b1e0c7d9a21"
down_revision = "36fca693fe12"
branch_labels = None
depends_on = None

TRANSLATED = ("act", "milestone", "meeting", "meeting_session", "government", "organization")


def _data(name: str) -> list:
    path = resources.files("tracker.text").joinpath(f"data/{name}")
    return json.loads(path.read_text("utf-8"))


def upgrade():
    for table in TRANSLATED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("translations", sa.JSON(), server_default="{}", nullable=False)
            )
    with op.batch_alter_table("government", schema=None) as batch_op:
        batch_op.add_column(sa.Column("iso_code", sa.String(length=2), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_government_iso_code"), ["iso_code"])

    government = sa.table(
        "government",
        sa.column("name", sa.String),
        sa.column("iso_code", sa.String),
        sa.column("translations", sa.JSON),
    )
    for row in _data("un_member_states.json"):
        op.execute(
            government.update()
            .where(government.c.name == row["name"])
            .values(iso_code=row["iso"])
        )
    for row in _data("un_agencies.json"):
        names = {lang: {"name": row[lang]} for lang in ("fr", "es")}
        op.execute(
            government.update().where(government.c.name == row["name"]).values(translations=names)
        )


def downgrade():
    with op.batch_alter_table("government", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_government_iso_code"), type_="unique")
        batch_op.drop_column("iso_code")
    for table in reversed(TRANSLATED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("translations")
