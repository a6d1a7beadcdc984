"""positions in the negotiation rounds, and groups of governments

Revision ID: be346fdf2b14
Revises: 15f8bba03686
Create Date: 2026-12-01 18:10:57.084409

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'be346fdf2b14'
down_revision = '15f8bba03686'
branch_labels = None
depends_on = None


def _government_kinds(kinds):
    with op.batch_alter_table('government', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_government_government_kind'), type_='check')
        batch_op.create_check_constraint(
            op.f('ck_government_government_kind'),
            "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")",
        )


def upgrade():
    # A government may also be a group of states (the EU, the African Group...).
    _government_kinds(('member_state', 'un_agency', 'group'))
    op.create_table('round_position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('milestone_id', sa.Integer(), nullable=False),
    sa.Column('government_id', sa.Integer(), nullable=False),
    sa.Column('act_id', sa.Integer(), nullable=False),
    sa.Column('key_message_id', sa.Integer(), nullable=True),
    sa.Column('paragraph_ref', sa.String(length=60), nullable=False),
    sa.Column('paragraph_id', sa.Integer(), nullable=True),
    sa.Column('stand', sa.Enum('supports', 'amends', 'reserves', 'opposes', 'silent', name='position_stand', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('amendment', sa.Text(), nullable=False),
    sa.Column('source', sa.Enum('plenary', 'informal', 'bilateral', name='position_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('stated_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('visibility', sa.Enum('civil_society', 'shared', name='visibility', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('published', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(visibility = 'shared') = (published IS NOT NULL)", name=op.f('ck_round_position_published_when_shared')),
    sa.ForeignKeyConstraint(['act_id'], ['act.id'], name=op.f('fk_round_position_act_id_act')),
    sa.ForeignKeyConstraint(['government_id'], ['government.id'], name=op.f('fk_round_position_government_id_government')),
    sa.ForeignKeyConstraint(['key_message_id'], ['key_message.id'], name=op.f('fk_round_position_key_message_id_key_message'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestone.id'], name=op.f('fk_round_position_milestone_id_milestone')),
    sa.ForeignKeyConstraint(['paragraph_id'], ['draft_paragraph.id'], name=op.f('fk_round_position_paragraph_id_draft_paragraph'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['published_by_id'], ['user_account.id'], name=op.f('fk_round_position_published_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_round_position_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_round_position'))
    )
    with op.batch_alter_table('round_position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_round_position_act_id'), ['act_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_round_position_government_id'), ['government_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_round_position_key_message_id'), ['key_message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_round_position_milestone_id'), ['milestone_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_round_position_paragraph_id'), ['paragraph_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_round_position_visibility'), ['visibility'], unique=False)


def downgrade():
    with op.batch_alter_table('round_position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_round_position_visibility'))
        batch_op.drop_index(batch_op.f('ix_round_position_paragraph_id'))
        batch_op.drop_index(batch_op.f('ix_round_position_milestone_id'))
        batch_op.drop_index(batch_op.f('ix_round_position_key_message_id'))
        batch_op.drop_index(batch_op.f('ix_round_position_government_id'))
        batch_op.drop_index(batch_op.f('ix_round_position_act_id'))

    op.drop_table('round_position')
    op.execute("DELETE FROM government WHERE kind = 'group'")
    _government_kinds(('member_state', 'un_agency'))
