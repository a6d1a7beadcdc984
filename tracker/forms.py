"""Forms every feature uses."""

from flask_wtf import FlaskForm
from wtforms import SubmitField


class ButtonForm(FlaskForm):
    """A POST with only its CSRF token: publish, withdraw, mark read, deactivate..."""

    submit = SubmitField()
