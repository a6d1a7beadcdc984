"""Forms every feature uses."""

from flask import abort
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectMultipleField, SubmitField

SHARE_HELP = _l(
    "Government and UN-agency guests will read it as saved now; later edits reach them only "
    "when a coordinator publishes again. Leave unticked to keep it civil society only."
)


class ButtonForm(FlaskForm):
    """A POST with only its CSRF token: publish, withdraw, mark read, deactivate..."""

    submit = SubmitField()


class CheckboxListField(SelectMultipleField):
    """Several choices among many (the 193 governments): a list of checkboxes that a click
    cannot clear, with a filter box where scripts run (templates/_macros/forms.html)."""


def require_button() -> None:
    """Stop a button's POST with 400 unless it carries this site's CSRF token."""
    if not ButtonForm().validate_on_submit():
        abort(400)


def share_field() -> BooleanField:
    """The choice, on a form that creates or edits a publishable record, to publish it."""
    return BooleanField(_l("Share with governments"), default=False, description=SHARE_HELP)


def describe_share(field: BooleanField, record) -> None:
    """On the edit form of a record governments already read, say which version they read."""
    if record is not None and record.published_at is not None:
        field.label.text = _l("Publish this version to governments")
        field.description = _l(
            "Governments read the version published on %(date)s. Tick to let them read this "
            "one instead; leave unticked and they keep reading that version.",
            date=format_date(record.published_at, "medium"),
        )
