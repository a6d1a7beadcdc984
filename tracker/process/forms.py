"""Forms of the process: a milestone of the road to adoption, an organisation, an import."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, HiddenField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from tracker.core.labels import MILESTONE_KINDS, ORGANIZATION_KINDS

DATE_MESSAGE = _l("Enter the date as YYYY-MM-DD, for example 2018-04-15.")


class OptionalDateField(DateField):
    def process_formdata(self, valuelist) -> None:
        if valuelist and not valuelist[0].strip():
            self.data = None
            return
        super().process_formdata(valuelist)


class MilestoneForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(
        _l("Kind"), choices=[(value, label) for value, label in MILESTONE_KINDS.items()]
    )
    starts_on = DateField(_l("Starts on"), validators=[DataRequired(DATE_MESSAGE)])
    ends_on = OptionalDateField(
        _l("Ends on"),
        validators=[Optional()],
        description=_l("Leave empty for a milestone of one day."),
    )
    place = StringField(_l("Place"), validators=[Length(max=200)])
    version = HiddenField()
    submit = SubmitField(_l("Save the milestone"))

    def validate_ends_on(self, field) -> None:
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The milestone ends after it starts."))


class OrganizationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    acronym = StringField(_l("Acronym"), validators=[Length(max=40)])
    region = StringField(_l("Region"), validators=[Length(max=80)])
    kind = SelectField(
        _l("Kind"), choices=[(value, label) for value, label in ORGANIZATION_KINDS.items()]
    )
    signed_on = OptionalDateField(
        _l("Signed on to the TEN ACTS"),
        validators=[Optional()],
        description=_l("Leave empty if the organisation has not signed on."),
    )
    version = HiddenField()
    submit = SubmitField(_l("Save the organisation"))


class OrganizationsImportForm(FlaskForm):
    file = FileField(
        _l("File"),
        validators=[FileRequired(_l("Choose a file."))],
        description=_l(
            "CSV (UTF-8) or XLSX with the header: name, acronym, region, kind, signed_on."
        ),
    )
    submit = SubmitField(_l("Preview the import"))


class ConfirmOrganizationsForm(FlaskForm):
    content = HiddenField()
    filename = HiddenField()
    submit = SubmitField(_l("Import"))
