"""Forms: add a draft, record a reflection, record a proposed paragraph in one click."""

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from tracker.core.inputs import DatabaseInteger
from tracker.core.labels import REFLECTION_LEVELS
from tracker.drafts.upload import MAX_UPLOAD_BYTES
from tracker.records.drafts import Level

MAX_PASTED_CHARS = MAX_UPLOAD_BYTES


class DraftForm(FlaskForm):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=120)],
        description=_l('For example "Zero draft" or "Draft Rev 2".'),
    )
    released_on = DateField(_l("Release date"), validators=[InputRequired()])
    milestone_id = SelectField(_l("Milestone"), coerce=int, validators=[Optional()])
    text = TextAreaField(
        _l("Paste the text"),
        validators=[Optional()],
        description=_l(
            "Plain text or Markdown. Headings (# Title, “Objective 5: …”) and the text's own "
            "numbering (21., (c)) are kept."
        ),
        render_kw={"rows": 12},
    )
    upload = FileField(
        _l("Or upload a file"),
        description=_l("A .txt or .md file in UTF-8, up to 1 MB."),
        render_kw={"accept": ".txt,.md,.markdown,text/plain,text/markdown"},
    )
    submit = SubmitField(_l("Add the draft"))

    @property
    def has_upload(self) -> bool:
        return bool(self.upload.data and getattr(self.upload.data, "filename", ""))

    def set_choices(self, milestones) -> None:
        self.milestone_id.choices = [(0, _l("(none)"))] + [
            (m.id, f"{m.title} ({format_date(m.starts_on, 'medium')})") for m in milestones
        ]

    def validate_text(self, field) -> None:
        if field.data and len(field.data) > MAX_PASTED_CHARS:
            raise ValidationError(_l("The text is longer than 1 MB. Paste the text only."))


LEVEL_CHOICES = [(level.value, REFLECTION_LEVELS[level]) for level in Level]


class ReflectionForm(FlaskForm):
    level = RadioField(_l("How the message is reflected"), choices=LEVEL_CHOICES)
    paragraphs = StringField(
        _l("Paragraphs"),
        validators=[Optional(), Length(max=500)],
        description=_l("The paragraph numbers, separated by commas, e.g. 22(c), 24."),
    )
    excerpt = TextAreaField(
        _l("Excerpt"), validators=[Optional(), Length(max=5000)], render_kw={"rows": 3}
    )
    note = TextAreaField(
        _l("Note"), validators=[Optional(), Length(max=5000)], render_kw={"rows": 3}
    )
    version = HiddenField()
    submit = SubmitField(_l("Save the reflection"))

    def validate_level(self, field) -> None:
        if field.data not in {level.value for level in Level}:
            raise ValidationError(_l("Choose how the message is reflected."))


class ProposalForm(FlaskForm):
    """One click: record a proposed paragraph at a level."""

    paragraph_id = IntegerField(validators=[DataRequired(), DatabaseInteger()])
    level = HiddenField(validators=[DataRequired()])
    version = HiddenField()
