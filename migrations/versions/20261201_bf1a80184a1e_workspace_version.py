"""workspace version: the one row the render cache is keyed by

Revision ID: bf1a80184a1e
Revises: 7c3d2e1f0a45
Create Date: 2026-12-01 18:13:28.410888

"""
import time

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'bf1a80184a1e'
down_revision = '7c3d2e1f0a45'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table('workspace_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workspace_version'))
    )
    # Versions start from the clock's microseconds, so none repeats one seen before.
    op.bulk_insert(table, [{'id': 1, 'version': time.time_ns() // 1000}])


def downgrade():
    op.drop_table('workspace_version')
