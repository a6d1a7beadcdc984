"""The position form, made for a phone in the room: the government typed (a list to pick
from where the browser offers one), the paragraph by its reference, one tap per position."""

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from tracker.core.extensions import db
from tracker.core.forms import share_field
from tracker.core.labels import POSITION_SOURCES, STANDS
from tracker.positions import services
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft, DraftParagraph
from tracker.records.positions import RoundPosition
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government

MAX_TEXT = 5_000
MESSAGE_LABEL = 90  # characters of a key message shown in the list


def _short(text: str) -> str:
    return text if len(text) <= MESSAGE_LABEL else text[: MESSAGE_LABEL - 1].rstrip() + "…"


class PositionForm(FlaskForm):
    milestone_id = SelectField(_l("Negotiation round"), coerce=int)
    act_id = SelectField(_l("ACT"), coerce=int)
    government = StringField(
        _l("Government or group"),
        validators=[DataRequired(_l("Type the government or group."))],
        description=_l("Type part of the name: “Mex”, “EU”, “G77”."),
        render_kw={"list": "parties", "autocomplete": "off", "autocapitalize": "words"},
    )
    paragraph_ref = StringField(
        _l("Paragraph"),
        validators=[Length(max=60)],
        description=_l("Its number in the draft under negotiation, e.g. 21(c)."),
        render_kw={"autocomplete": "off", "inputmode": "text", "spellcheck": "false"},
    )
    key_message_id = SelectField(_l("Key message"), coerce=int, default=0)
    stand = RadioField(
        _l("Position"),
        choices=list(STANDS.items()),
        validators=[InputRequired(_l("Choose the position taken."))],
    )
    amendment = TextAreaField(
        _l("Amendment proposed"),
        validators=[Length(max=MAX_TEXT)],
        description=_l("The wording the government proposed."),
        render_kw={"rows": 2},
    )
    source = RadioField(_l("Heard in"), choices=list(POSITION_SOURCES.items()), default="plenary")
    stated_on = DateField(_l("Date"), validators=[InputRequired(_l("Give the date."))])
    note = TextAreaField(
        _l("Note (civil society only)"),
        validators=[Optional(), Length(max=MAX_TEXT)],
        render_kw={"rows": 2},
    )
    share = share_field()
    version = HiddenField()
    submit = SubmitField(_l("Record the position"))

    # Set by the view, found by validation.
    rounds: Sequence[Milestone] = ()
    parties: Sequence[Government] = ()
    messages: Sequence[KeyMessage] = ()
    matched_government: Government | None = None
    matched_paragraph: DraftParagraph | None = None

    def set_choices(
        self,
        rounds: Sequence[Milestone],
        acts: Sequence[Act],
        messages: Sequence[KeyMessage],
        parties: Sequence[Government],
    ) -> None:
        self.rounds, self.parties, self.messages = rounds, parties, messages
        self.milestone_id.choices = [(item.id, item.translated("title")) for item in rounds]
        self.act_id.choices = [(act.id, act.label) for act in acts]
        groups: dict[str, list[tuple[int, str]]] = {str(_l("No key message")): [(0, "—")]}
        for message in messages:
            groups.setdefault(message.act.label, []).append(
                (message.id, f"{message.rank}. {_short(message.text)}")
            )
        self.key_message_id.choices = groups

    @classmethod
    def of(cls, position: RoundPosition) -> "PositionForm":
        form = cls(
            milestone_id=position.milestone_id,
            act_id=position.act_id,
            government=position.government.display_name,
            paragraph_ref=position.paragraph_ref,
            key_message_id=position.key_message_id or 0,
            stand=str(position.stand),
            amendment=position.amendment,
            source=str(position.source),
            stated_on=position.stated_on,
            note=position.note,
            version=position.version,
        )
        form.submit.label.text = _l("Save the position")
        return form

    def validate_government(self, field) -> None:
        try:
            self.matched_government = services.match_government(field.data or "", self.parties)
        except services.NoMatchError as unmatched:
            if unmatched.candidates:
                raise ValidationError(
                    _l(
                        "Several match: %(names)s. Type more of the name.",
                        names=", ".join(unmatched.candidates),
                    )
                ) from None
            raise ValidationError(
                _l("No government or group is called “%(typed)s”.", typed=field.data)
            ) from None

    def validate_paragraph_ref(self, field) -> None:
        ref = (field.data or "").strip()
        self.matched_paragraph = None
        if not ref:
            return
        milestone = next((m for m in self.rounds if m.id == self.milestone_id.data), None)
        if milestone is None:
            return
        draft: Draft | None = db.session.scalar(services.draft_under_negotiation(milestone))
        if draft is None:
            raise ValidationError(
                _l("No draft was out before this round: choose the key message instead.")
            )
        paragraphs = db.session.scalars(services.paragraphs_of(draft.id)).all()
        self.matched_paragraph = services.paragraph_by_ref(paragraphs, ref)
        if self.matched_paragraph is None:
            raise ValidationError(
                _l(
                    "%(draft)s has no paragraph %(ref)s.",
                    draft=draft.name,
                    ref=ref,
                )
            )

    def validate_key_message_id(self, field) -> None:
        if not field.data:
            return
        message = next((m for m in self.messages if m.id == field.data), None)
        if message is not None and message.act_id != self.act_id.data:
            raise ValidationError(
                _l(
                    "This key message is under ACT %(number)d: choose that ACT or another message.",
                    number=message.act.number,
                )
            )

    def validate_amendment(self, field) -> None:
        if self.stand.data == "amends" and not (field.data or "").strip():
            raise ValidationError(_l("Give the wording of the amendment."))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.paragraph_ref.data or "").strip() and not self.key_message_id.data:
            self.paragraph_ref.errors = [
                *self.paragraph_ref.errors,
                _l("Give the paragraph, the key message, or both."),
            ]
            return False
        return valid
