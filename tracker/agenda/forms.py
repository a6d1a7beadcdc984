"""Forms of the agenda: a meeting, an agenda item, its time, an import."""

from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, ValidationError

from tracker.agenda.lines import LineValueError, parse_speakers
from tracker.core.labels import AUDIENCES, LANGUAGES, SESSION_KINDS

DATE_MESSAGE = _l("Enter the date as YYYY-MM-DD, for example 2018-04-15.")
TIME_MESSAGE = _l("Enter the time as HH:MM, for example 14:30.")
SPEAKERS_HELP = _l(
    "One a line: name | organisation | role | tbc. The role is speaker (if left out), "
    "moderator or rapporteur; add “tbc” while not confirmed. For example: "
    "Ignacio Packer | International Council of Voluntary Agencies | moderator"
)
AUDIENCE_HELP = _l(
    "Civil society only: government and UN-agency guests never see it. Open: they see it."
)


def _languages_field() -> SelectMultipleField:
    return SelectMultipleField(
        _l("Languages of interpretation"),
        choices=[(code, label) for code, label in LANGUAGES.items()],
        render_kw={"size": 3, "class": "form-select"},
    )


def _audience_field(label) -> RadioField:
    return RadioField(
        label,
        choices=[(value, label) for value, label in AUDIENCES.items()],
        default="civil_society",
        description=AUDIENCE_HELP,
    )


class MeetingForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    city = StringField(_l("City"), validators=[Length(max=120)])
    country = StringField(_l("Country"), validators=[Length(max=120)])
    timezone = SelectField(
        _l("Time zone"),
        choices=sorted(available_timezones()),
        default="UTC",
        description=_l("The agenda's times are local times in this zone."),
    )
    starts_on = DateField(_l("First day"), validators=[DataRequired(DATE_MESSAGE)])
    ends_on = DateField(_l("Last day"), validators=[DataRequired(DATE_MESSAGE)])
    languages = _languages_field()
    audience = _audience_field(_l("Who may see this meeting"))
    summary = TextAreaField(_l("Summary"), validators=[Length(max=5000)])
    version = HiddenField()
    submit = SubmitField(_l("Save the meeting"))

    def validate_ends_on(self, field) -> None:
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day comes after the first."))
        if self.starts_on.data and field.data and (field.data - self.starts_on.data).days > 60:
            raise ValidationError(_l("A meeting lasts at most 60 days."))


class ItemForm(FlaskForm):
    day = SelectField(_l("Day"), validators=[DataRequired()])
    starts_at = TimeField(_l("Starts at"), validators=[DataRequired(TIME_MESSAGE)])
    ends_at = TimeField(_l("Ends at"), validators=[DataRequired(TIME_MESSAGE)])
    kind = SelectField(
        _l("Kind"), choices=[(value, label) for value, label in SESSION_KINDS.items()]
    )
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    purpose = TextAreaField(_l("Purpose"), validators=[Length(max=5000)])
    venue = StringField(_l("Venue or room"), validators=[Length(max=300)])
    audience = _audience_field(_l("Audience"))
    languages = _languages_field()
    acts = SelectMultipleField(
        _l("ACTs covered"), coerce=int, render_kw={"size": 5, "class": "form-select"}
    )
    speakers = TextAreaField(_l("Speakers and moderators"), description=SPEAKERS_HELP)
    version = HiddenField()
    submit = SubmitField(_l("Save the item"))

    def validate_ends_at(self, field) -> None:
        if self.starts_at.data and field.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("The item ends after it starts."))

    def validate_speakers(self, field) -> None:
        try:
            parse_speakers(field.data or "")
        except LineValueError as error:
            raise ValidationError(str(error)) from None


class RescheduleForm(FlaskForm):
    day = SelectField(_l("Day"), validators=[DataRequired()])
    starts_at = TimeField(_l("Starts at"), validators=[DataRequired(TIME_MESSAGE)])
    ends_at = TimeField(_l("Ends at"), validators=[DataRequired(TIME_MESSAGE)])
    version = HiddenField()
    submit = SubmitField(_l("Move the item"))

    validate_ends_at = ItemForm.validate_ends_at


class ImportForm(FlaskForm):
    file = FileField(
        _l("File"),
        validators=[FileRequired(_l("Choose a file."))],
        description=_l("CSV (UTF-8) or XLSX with the documented header, or an iCalendar file."),
    )
    submit = SubmitField(_l("Preview the import"))


class ConfirmImportForm(FlaskForm):
    content = HiddenField()
    filename = HiddenField()
    submit = SubmitField(_l("Import"))
