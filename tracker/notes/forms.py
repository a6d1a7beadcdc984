"""Forms to write, edit and restore group-session notes."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from tracker.core.forms import share_field

TITLE_MAX = 200
BODY_MAX = 100_000

BODY_HELP = _l("Markdown: **bold**, *italic*, lists with - or 1., links as [text](https://...).")


def _title_field() -> StringField:
    return StringField(
        _l("Title"),
        validators=[DataRequired(), Length(max=TITLE_MAX)],
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
    )


def _body_field() -> TextAreaField:
    return TextAreaField(
        _l("Note"),
        validators=[Length(max=BODY_MAX)],
        # Browsers send CRLF; storing LF keeps "unchanged text" unchanged.
        filters=[lambda value: value.replace("\r\n", "\n") if isinstance(value, str) else value],
        description=BODY_HELP,
        render_kw={"rows": 16},
    )


class NewNoteForm(FlaskForm):
    act_id = SelectField(_l("ACT"), coerce=int)
    title = _title_field()
    body = _body_field()
    share = share_field()
    submit = SubmitField(_l("Save note"))

    def set_acts(self, acts) -> None:
        if acts:
            self.act_id.choices = [(act.id, act.label) for act in acts]
        else:
            self.act_id.choices = [(0, _l("No particular ACT"))]


class EditNoteForm(FlaskForm):
    # The note's version when this form was loaded: a stale save is a conflict, not a loss.
    version = HiddenField()
    title = _title_field()
    body = _body_field()
    share = share_field()
    submit = SubmitField(_l("Save note"))


class RestoreForm(FlaskForm):
    version = HiddenField()
    submit = SubmitField(_l("Restore this version"))
