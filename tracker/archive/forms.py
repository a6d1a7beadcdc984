from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from tracker.core.labels import RECORD_TYPES
from tracker.records.archiving import REASON_MAX


class ArchiveForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is it archived?"),
        validators=[DataRequired(_l("Say why it is archived.")), Length(max=REASON_MAX)],
        description=_l(
            "Kept with the record and in the activity log. Archiving hides the record, and "
            "what hangs on it, from every list, page and count; nothing is deleted and a "
            "coordinator can restore it in one click."
        ),
        filters=[lambda text: text.strip() if text else text],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Archive"))


class ArchiveFilterForm(Form):
    """The archive's filter, read from the URL (GET: no CSRF token, nothing changes)."""

    type = SelectField(
        _l("Kind of record"),
        choices=[("", _l("Every kind")), *RECORD_TYPES.items()],
        default="",
    )
