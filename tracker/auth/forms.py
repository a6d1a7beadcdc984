"""Sign-in, password, password-reset and invitation forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from sqlalchemy import func, select
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from tracker.auth.passwords import password_problem
from tracker.core.extensions import db
from tracker.core.labels import ROLES
from tracker.records.accounts import User

LANGUAGE_CHOICES = [
    ("", _l("Browser's language")),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
]


class SignInForm(FlaskForm):
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))
    submit = SubmitField(_l("Sign in"))


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    submit = SubmitField(_l("Send me a link"))


class NewPasswordMixin:
    email_for_check = ""

    def validate_new_password(self, field) -> None:
        problem = password_problem(field.data or "", self.email_for_check)
        if problem:
            raise ValidationError(problem)


def _new_password_field():
    return PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(max=1024)],
        description=_l("At least 12 characters; a few unrelated words make a strong one."),
        render_kw={"autocomplete": "new-password"},
    )


def _confirm_field():
    return PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("The passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )


class SetPasswordForm(NewPasswordMixin, FlaskForm):
    new_password = _new_password_field()
    confirm = _confirm_field()
    submit = SubmitField(_l("Set password"))


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(), Length(max=1024)],
        render_kw={"autocomplete": "current-password"},
    )
    new_password = _new_password_field()
    confirm = _confirm_field()
    submit = SubmitField(_l("Change password"))


class LanguageForm(FlaskForm):
    locale = SelectField(_l("Language"), choices=LANGUAGE_CHOICES)
    submit = SubmitField(_l("Save language"))


class SignOutForm(FlaskForm):
    submit = SubmitField(_l("Sign out"))


# Managing people (the People page)
class InviteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(_l("Role"), default="member")
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


class PeopleImportForm(FlaskForm):
    file = FileField(
        _l("File"),
        validators=[FileRequired(_l("Choose a file."))],
        description=_l("CSV (UTF-8) or XLSX with the header: email, name, role, organization."),
    )
    submit = SubmitField(_l("Preview the invitations"))


class ConfirmPeopleForm(FlaskForm):
    content = HiddenField()
    filename = HiddenField()
    submit = SubmitField(_l("Invite them"))
