"""Forms to invite people and manage their accounts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from tracker.core.extensions import db
from tracker.core.labels import ROLES
from tracker.records.accounts import User


class InviteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(_l("Role"))
    organization_id = SelectField(_l("Organisation"), coerce=int)
    submit = SubmitField(_l("Invite"))

    def set_choices(self, roles, organizations) -> None:
        self.role.choices = [(str(role), ROLES[role]) for role in roles]
        self.organization_id.choices = [(0, _l("None"))] + [
            (org.id, org.label) for org in organizations
        ]

    def validate_email(self, field) -> None:
        exists = db.session.scalar(
            select(User.id).where(func.lower(User.email) == field.data.strip().lower())
        )
        if exists:
            raise ValidationError(_l("An account with this email already exists."))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"))
    submit = SubmitField(_l("Change role"))
