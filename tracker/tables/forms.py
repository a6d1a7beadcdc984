"""Forms to record a small table's outcome and the stances governments took there."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, ValidationError

from tracker.core.extensions import db
from tracker.core.forms import CheckboxListField, share_field
from tracker.core.labels import POSITIONS
from tracker.records.tables import Position, TableOutcome, in_reading_order

MARKDOWN_HELP = _l("Markdown: **bold**, *italic*, lists with -, links.")


class OutcomeForm(FlaskForm):
    act_id = SelectField(_l("ACT"), coerce=int)
    governments = CheckboxListField(_l("Governments present"), coerce=int)
    agencies = CheckboxListField(_l("UN agencies present"), coerce=int)
    civil_society_participants = TextAreaField(
        _l("Civil-society participants"),
        validators=[Length(max=5000)],
        description=_l("Names and organisations, one per line."),
        render_kw={"rows": 3},
    )
    summary = TextAreaField(
        _l("Summary"),
        validators=[Length(max=20000)],
        description=MARKDOWN_HELP,
        render_kw={"rows": 6},
    )
    commitments = TextAreaField(
        _l("Commitments made"),
        validators=[Length(max=20000)],
        description=MARKDOWN_HELP,
        render_kw={"rows": 4},
    )
    follow_ups = TextAreaField(
        _l("Follow-ups"),
        validators=[Length(max=20000)],
        description=MARKDOWN_HELP,
        render_kw={"rows": 4},
    )
    chatham_house = BooleanField(
        _l("Chatham House rule"),
        description=_l(
            "Observers then see the stances without the names of the governments and "
            "agencies present. Keep names out of the summary and notes too."
        ),
    )
    share = share_field()
    version = HiddenField()
    submit = SubmitField(_l("Save the outcome"))

    def set_choices(self, member_states, agencies, acts=None) -> None:
        self.governments.choices = [(g.id, g.display_name) for g in in_reading_order(member_states)]
        self.agencies.choices = [(g.id, g.display_name) for g in in_reading_order(agencies)]
        if acts is not None:
            self.act_id.choices = [(act.id, act.label) for act in acts]


class NewOutcomeForm(OutcomeForm):
    def __init__(self, *args, session_id: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.session_id = session_id

    def validate_act_id(self, field) -> None:
        exists = db.session.scalar(
            select(TableOutcome.id).where(
                TableOutcome.session_id == self.session_id, TableOutcome.act_id == field.data
            )
        )
        if exists:
            raise ValidationError(_l("This ACT's outcome is already recorded: edit it instead."))


class EditOutcomeForm(OutcomeForm):
    act_id = None

    @classmethod
    def of(cls, outcome: TableOutcome) -> "EditOutcomeForm":
        """The form filled from the saved outcome, at its version."""
        states = [g.id for g in outcome.governments if g.kind == "member_state"]
        agencies = [g.id for g in outcome.governments if g.kind != "member_state"]
        form = cls(
            data={
                "governments": states,
                "agencies": agencies,
                "civil_society_participants": outcome.civil_society_participants,
                "summary": outcome.summary,
                "commitments": outcome.commitments,
                "follow_ups": outcome.follow_ups,
                "chatham_house": outcome.chatham_house,
            }
        )
        form.set_version(outcome.version)
        return form

    def set_version(self, version: int) -> None:
        self.version.data = str(version)
        self.version.raw_data = [str(version)]


POSITION_CHOICES = [("", "—")] + [(str(p), POSITIONS[p]) for p in Position]


class StanceGridForm(FlaskForm):
    version = HiddenField()
    submit = SubmitField(_l("Save the stances"))

    @classmethod
    def of(cls, outcome: TableOutcome) -> "StanceGridForm":
        """The grid filled from the saved stances, at the outcome's version."""
        data = {}
        for stance in outcome.stances:
            cell = (stance.government_id, stance.key_message_id)
            data[position_name(*cell)] = str(stance.position)
            data[note_name(*cell)] = stance.note
        form = cls(data=data)
        form.set_version(outcome.version)
        return form

    def set_version(self, version: int) -> None:
        self.version.data = str(version)
        self.version.raw_data = [str(version)]

    def cell_names(self, government_id: int, message_id: int) -> tuple[str, str]:
        return position_name(government_id, message_id), note_name(government_id, message_id)

    def cells(self, governments, messages) -> dict[tuple[int, int], tuple[Position | None, str]]:
        """(government id, message id) -> (position or None, note), for every cell."""
        cells = {}
        for government in governments:
            for message in messages:
                position = self[position_name(government.id, message.id)].data
                note = self[note_name(government.id, message.id)].data or ""
                cells[(government.id, message.id)] = (
                    Position(position) if position else None,
                    note,
                )
        return cells


def position_name(government_id: int, message_id: int) -> str:
    return f"position_{government_id}_{message_id}"


def note_name(government_id: int, message_id: int) -> str:
    return f"note_{government_id}_{message_id}"


def stance_grid_form_class(governments, messages) -> type[StanceGridForm]:
    """A form with one position select and one note per government x key message."""

    class Grid(StanceGridForm):
        pass

    for government in governments:
        for number, message in enumerate(messages, start=1):
            setattr(
                Grid,
                position_name(government.id, message.id),
                SelectField(
                    _l(
                        "Stance of %(government)s on message %(number)d",
                        government=government.display_name,
                        number=number,
                    ),
                    choices=POSITION_CHOICES,
                    default="",
                ),
            )
            setattr(
                Grid,
                note_name(government.id, message.id),
                StringField(
                    _l(
                        "Note on the stance of %(government)s on message %(number)d",
                        government=government.display_name,
                        number=number,
                    ),
                    validators=[Length(max=1000)],
                ),
            )
    return Grid
