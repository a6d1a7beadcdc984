"""a milestone may be a conference

Revision ID: 8d4e5f6a7b01
Revises: bf1a80184a1e
Create Date: 2026-12-01 20:00:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "8d4e5f6a7b01"
down_revision = "bf1a80184a1e"
branch_labels = None
depends_on = None

BEFORE = ("meeting", "draft", "negotiation", "adoption", "endorsement")


def _milestone_kinds(kinds):
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_milestone_milestone_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_milestone_milestone_kind"),
            "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")",
        )


def upgrade():
    _milestone_kinds((*BEFORE, "conference"))


def downgrade():
    op.execute("UPDATE milestone SET kind = 'meeting' WHERE kind = 'conference'")
    _milestone_kinds(BEFORE)
