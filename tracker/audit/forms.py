from flask_babel import lazy_gettext as _l
from wtforms import DateField, Form, SelectField, ValidationError
from wtforms.validators import Optional

from tracker.core.labels import RECORD_TYPES

ANYONE = 0


class ActivityFilterForm(Form):
    """The log's filters, read from the URL (GET: no CSRF token, nothing changes)."""

    person = SelectField(_l("Person"), coerce=int, default=ANYONE)
    type = SelectField(
        _l("Kind of record"),
        choices=[("", _l("Every kind")), *RECORD_TYPES.items()],
        default="",
    )
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("To"), validators=[Optional()])

    def set_people(self, people) -> None:
        self.person.choices = [(ANYONE, _l("Anyone"))] + [(u.id, u.name) for u in people]

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_l("The end date is before the start date."))

    def url_args(self) -> dict:
        """The filters as URL arguments, leaving out what is not set (links, pages, CSV)."""
        args: dict = {}
        if self.person.data:
            args["person"] = self.person.data
        if self.type.data:
            args["type"] = self.type.data
        for name in ("since", "until"):
            if self[name].data:
                args[name] = self[name].data.isoformat()
        return args
