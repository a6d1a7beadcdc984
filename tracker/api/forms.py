"""The personal token form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


class NewTokenForm(FlaskForm):
    name = StringField(
        _l("What the token is for"),
        validators=[DataRequired(), Length(max=80)],
        description=_l('For example "Coalition dashboard" or "Research export".'),
    )
    submit = SubmitField(_l("Create a token"))
