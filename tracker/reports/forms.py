"""Forms of the rapporteur's report, its review and its key messages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from tracker.core.labels import ROLES

MAX_TEXT = 20_000
MAX_LINE = 2_000


def _user_choices(users) -> list[tuple[int, str]]:
    return [(user.id, f"{user.name} ({ROLES[user.role]})") for user in users]


class AssignRapporteurForm(FlaskForm):
    act_id = SelectField(_l("ACT"), coerce=int)
    rapporteur_id = SelectField(_l("Rapporteur"), coerce=int)
    submit = SubmitField(_l("Assign the rapporteur"))

    def set_choices(self, acts, users) -> None:
        self.act_id.choices = [(act.id, act.label) for act in acts]
        self.rapporteur_id.choices = _user_choices(users)


class ReassignForm(FlaskForm):
    rapporteur_id = SelectField(_l("New rapporteur"), coerce=int)
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Reassign"))

    def set_choices(self, users) -> None:
        self.rapporteur_id.choices = _user_choices(users)


def _one_line_each(form, field) -> None:
    for number, line in enumerate((field.data or "").splitlines(), start=1):
        if len(line.strip()) > MAX_LINE:
            raise ValidationError(
                _l(
                    "Line %(number)d is longer than %(max)d characters.",
                    number=number,
                    max=MAX_LINE,
                )
            )


class ReportForm(FlaskForm):
    summary = TextAreaField(
        _l("Summary"),
        validators=[Length(max=MAX_TEXT)],
        description=_l("Markdown: **bold**, *italics*, lists, links."),
        render_kw={"rows": 8},
    )
    priorities = TextAreaField(
        _l("Top priorities"),
        validators=[Length(max=MAX_TEXT), _one_line_each],
        description=_l("One priority per line, the most important first."),
        render_kw={"rows": 5},
    )
    key_messages = TextAreaField(
        _l("Key messages to bring to governments"),
        validators=[Length(max=MAX_TEXT), _one_line_each],
        description=_l(
            "One key message per line, in rank order. Changing a line keeps its message's "
            "page; removing the last lines removes those messages."
        ),
        render_kw={"rows": 6},
    )
    divergence = TextAreaField(
        _l("Points of divergence (internal)"),
        validators=[Length(max=MAX_TEXT)],
        description=_l("Civil society only, even when the report is published. Markdown."),
        render_kw={"rows": 4},
    )
    strategy_notes = TextAreaField(
        _l("Strategy notes (internal)"),
        validators=[Length(max=MAX_TEXT)],
        description=_l("Civil society only, even when the report is published. Markdown."),
        render_kw={"rows": 4},
    )
    version = HiddenField()
    submit = SubmitField(_l("Save the report"))


class StepForm(FlaskForm):
    """A workflow step with an optional comment: submit, accept, reopen."""

    comment = TextAreaField(
        _l("Comment (optional)"), validators=[Optional(), Length(max=5000)], render_kw={"rows": 2}
    )
    submit = SubmitField()


class SubmitReportForm(StepForm):
    submit = SubmitField(_l("Submit for review"))


class AcceptForm(StepForm):
    submit = SubmitField(_l("Accept the report"))


class ReopenForm(StepForm):
    submit = SubmitField(_l("Reopen for revision"))


class RecallForm(StepForm):
    submit = SubmitField(_l("Withdraw the submission"))


class ReturnForm(FlaskForm):
    comment = TextAreaField(
        _l("What the rapporteur should revise"),
        validators=[
            DataRequired(message=_l("Say what needs revising: the rapporteur reads this.")),
            Length(max=5000),
        ],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Return to the rapporteur"))


class OrderForm(FlaskForm):
    order = HiddenField(validators=[DataRequired()])


class MergeForm(FlaskForm):
    """Choose the message this one repeats (nothing chosen in advance), then confirm."""

    target_id = SelectField(
        _l("Duplicate of"),
        coerce=int,
        validators=[DataRequired(message=_l("Choose the key message this one repeats."))],
    )
    confirmed = HiddenField()
    submit = SubmitField(_l("Merge into the chosen message…"))

    def set_choices(self, messages) -> None:
        self.target_id.choices = [(0, _l("Choose a key message"))] + [
            (message.id, f"#{message.id} · {message.text[:120]}") for message in messages
        ]

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed.data == "yes"


class MessageFilterForm(FlaskForm):
    class Meta:
        csrf = False

    act = SelectField(_l("ACT"), coerce=int, validators=[Optional()])

    def set_choices(self, acts) -> None:
        self.act.choices = [(0, _l("All ACTs"))] + [(act.number, act.label) for act in acts]
