"""Forms of next-step actions: create and edit, move along, comment, filter the list."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    Form,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from tracker.core.forms import share_field
from tracker.core.labels import ACTION_PRIORITIES, ACTION_STATUSES
from tracker.records.actions import ActionPriority, ActionStatus

NOBODY = 0
DATE_FORMAT_MESSAGE = _l("Enter a valid date: year, month and day.")


def _optional_int(value) -> int:
    """Select values: "" or missing means none (0); anything not a number is refused."""
    if value in (None, ""):
        return NOBODY
    return int(value)


class ChoiceOfIds(SelectField):
    """A select of record ids whose unknown values get a message naming what is wrong."""

    data: int | None

    def __init__(self, label=None, unknown_message=None, **kwargs) -> None:
        kwargs.setdefault("coerce", _optional_int)
        kwargs.setdefault("validate_choice", False)
        kwargs.setdefault("default", NOBODY)
        super().__init__(label, **kwargs)
        self.unknown_message = unknown_message
        # Rendered as the select it is (Bootstrap-Flask styles a field by its type's name).
        self.type = "SelectField"

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(self.unknown_message) from None

    def pre_validate(self, form) -> None:
        known = {value for value, _label in self.choices or []}
        if self.data not in known:
            raise ValidationError(self.unknown_message)


class DueDateField(DateField):
    def process_formdata(self, valuelist) -> None:
        if valuelist and not valuelist[0].strip():
            self.data = None
            return
        try:
            super().process_formdata([value.strip() for value in valuelist])
        except ValueError:
            raise ValueError(DATE_FORMAT_MESSAGE) from None


class ActionForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(
        _l("Description"),
        validators=[Optional(), Length(max=20000)],
        description=_l("Markdown: **bold**, *italic*, lists with -, links."),
        render_kw={"rows": 4},
    )
    act_id = ChoiceOfIds(_l("ACT"), unknown_message=_l("Choose an ACT from the list."))
    owner_id = ChoiceOfIds(
        _l("Owner"),
        unknown_message=_l("Unknown person: choose the owner from the list."),
        description=_l("The person who carries it through."),
    )
    organization_id = ChoiceOfIds(
        _l("Organisation"),
        unknown_message=_l("Unknown organisation: choose one from the list."),
    )
    due_on = DueDateField(_l("Due date"), validators=[Optional()])
    milestone_id = ChoiceOfIds(
        _l("Process milestone"),
        unknown_message=_l("Unknown milestone: choose one from the list."),
    )
    priority = SelectField(
        _l("Priority"),
        choices=[(p.value, ACTION_PRIORITIES[p.value]) for p in ActionPriority],
        default=ActionPriority.MEDIUM.value,
    )
    share = share_field()
    key_message_id = HiddenField()
    outcome_id = HiddenField()
    version = HiddenField()
    submit = SubmitField(_l("Save the action"))

    def set_choices(self, acts, owners, organizations, milestones) -> None:
        self.act_id.choices = [(act.id, act.label) for act in acts]
        self.owner_id.choices = [(NOBODY, _l("Nobody yet"))] + [
            (user.id, user.name) for user in owners
        ]
        self.organization_id.choices = [(NOBODY, _l("No organisation"))] + [
            (org.id, org.display_name) for org in organizations
        ]
        self.milestone_id.choices = [(NOBODY, _l("No milestone"))] + [
            (m.id, m.translated("title")) for m in milestones
        ]

    def validate_organization_id(self, field) -> None:
        if self.owner_id.data in (None, NOBODY) and field.data in (None, NOBODY):
            raise ValidationError(
                _l("Give the action an owner: a person, an organisation or both.")
            )


class StatusForm(FlaskForm):
    # Checked against the action's allowed moves by the view, which names them on refusal.
    status = SelectField(_l("New status"), validate_choice=False)
    note = TextAreaField(
        _l("Progress note (optional)"),
        validators=[Optional(), Length(max=5000)],
        render_kw={"rows": 2},
    )
    version = HiddenField()
    # A quick move from the board or My actions returns there ("board" or "mine").
    back = HiddenField()
    back_act = HiddenField()
    submit = SubmitField(_l("Update the status"))

    def set_choices(self, statuses) -> None:
        self.status.choices = [(s.value, ACTION_STATUSES[s.value]) for s in statuses]


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Comment"), validators=[DataRequired(), Length(max=5000)], render_kw={"rows": 3}
    )
    submit = SubmitField(_l("Add the comment"))


SORTS = {
    "due": _l("Due date"),
    "priority": _l("Priority"),
    "changed": _l("Last change"),
}


class FilterForm(Form):
    """The list's filters, read from the URL (GET: no CSRF token, nothing changes)."""

    act = ChoiceOfIds(_l("ACT"), unknown_message=_l("Unknown ACT."))
    status = SelectField(
        _l("Status"),
        choices=[("", _l("Any status"))]
        + [(s.value, ACTION_STATUSES[s.value]) for s in ActionStatus],
        default="",
    )
    # By id, from links ("all my actions"); the form shows them only when one is chosen.
    owner = ChoiceOfIds(_l("Owner"), unknown_message=_l("Unknown person."))
    organization = ChoiceOfIds(_l("Organisation"), unknown_message=_l("Unknown organisation."))
    who = StringField(_l("Owner or organisation"), validators=[Optional(), Length(max=100)])
    milestone = ChoiceOfIds(_l("Milestone"), unknown_message=_l("Unknown milestone."))
    overdue = BooleanField(_l("Overdue only"))
    sort = SelectField(_l("Sort by"), choices=list(SORTS.items()), default="due")

    def set_choices(self, acts, owners, organizations, milestones) -> None:
        self.act.choices = [(NOBODY, _l("All ACTs"))] + [(act.number, act.label) for act in acts]
        self.owner.choices = [(NOBODY, _l("Anyone"))] + [(u.id, u.name) for u in owners]
        self.organization.choices = [(NOBODY, _l("Any organisation"))] + [
            (o.id, o.name) for o in organizations
        ]
        self.milestone.choices = [(NOBODY, _l("Any milestone"))] + [
            (m.id, m.translated("title")) for m in milestones
        ]

    def url_args(self) -> dict:
        """The filters as URL arguments, leaving out what is not set (for links and pages)."""
        args = {}
        for name in ("act", "owner", "organization", "milestone"):
            if self[name].data:
                args[name] = self[name].data
        if self.status.data:
            args["status"] = self.status.data
        if (self.who.data or "").strip():
            args["who"] = self.who.data.strip()
        if self.overdue.data:
            args["overdue"] = "y"
        if self.sort.data and self.sort.data != "due":
            args["sort"] = self.sort.data
        return args
