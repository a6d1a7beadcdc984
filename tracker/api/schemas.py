"""What the API, the exports and the scorecard say of each record: one schema per type, so
the JSON, the CSV and the field guide (each field's description and allowed values)
always agree."""

from datetime import UTC, datetime

from marshmallow import Schema, fields

from tracker.records.actions import ActionPriority, ActionStatus
from tracker.records.agenda import Audience, SessionKind, SpeakerRole
from tracker.records.drafts import Level, ParagraphChange, ReflectionState
from tracker.records.positions import PositionSource, Stand
from tracker.records.reports import ReportStatus
from tracker.records.tables import GovernmentKind, Position


def text(description: str, **kwargs) -> fields.String:
    return fields.String(metadata={"description": description}, **kwargs)


def number(description: str, **kwargs) -> fields.Integer:
    return fields.Integer(metadata={"description": description}, **kwargs)


def choice(enum_class, description: str, **kwargs) -> fields.String:
    values = [member.value for member in enum_class]
    return fields.String(metadata={"description": description, "enum": values}, **kwargs)


def related(path: str, description: str, kind: str = "integer") -> fields.Function:
    """A value read along a relationship ("act.number"), or null."""

    def read(obj):
        for name in path.split("."):
            obj = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
            if obj is None:
                return None
        return obj

    return fields.Function(
        read, metadata={"type": kind, "nullable": True, "description": description}
    )


class UtcDateTime(fields.DateTime):
    """A moment in ISO 8601 with its offset: stored times are UTC, even where the database
    (SQLite) or a published snapshot kept them without one."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class Base(Schema):
    class Meta:
        ordered = True


class ActSchema(Base):
    number = number("The ACT's number, 1 to 10.")
    title = text("Its title, in English.")
    summary = text("What it asks, in English.")
    translations = fields.Dict(
        metadata={"description": 'Title and summary by language: {"fr": {"title": "..."}}.'}
    )


class SpeakerSchema(Base):
    name = text("The person's name.")
    organization = related("organization.name", "Their organisation.", "string")
    role = choice(SpeakerRole, "What they do in the item.")
    tbc = fields.Boolean(metadata={"description": "True while not yet confirmed."})


class AgendaItemSchema(Base):
    id = number("The item's id.")
    meeting = related("meeting.slug", "The meeting's address name.", "string")
    key = text("A short name, unique in its meeting.")
    day = fields.Date(metadata={"description": "The day (the meeting's local date)."})
    starts_at = fields.Time(metadata={"description": "Start, the meeting's local time."})
    ends_at = fields.Time(metadata={"description": "End, the meeting's local time."})
    kind = choice(SessionKind, "What kind of item it is.")
    title = text("Its title, in English.")
    audience = choice(Audience, "Who attends: civil society only, or open to governments.")
    venue = text("Where it is held.")
    acts = fields.Function(
        lambda item: [act.number for act in item.acts],
        metadata={"type": "array", "items": {"type": "integer"}, "description": "ACTs covered."},
    )
    speakers = fields.List(fields.Nested(SpeakerSchema), metadata={"description": "In order."})


class MeetingSchema(Base):
    slug = text("The meeting's address name.")
    title = text("Its title, in English.")
    city = text("The host city.")
    country = text("The host country.")
    timezone = text("IANA time zone of its items' times.")
    starts_on = fields.Date(metadata={"description": "First day."})
    ends_on = fields.Date(metadata={"description": "Last day."})


class ReflectionSchema(Base):
    draft_id = number("The draft.")
    level = choice(Level, "How strongly the draft carries the key message.")
    state = choice(ReflectionState, "Whether the level was checked in this draft.")
    excerpt = text("The draft's words that carry it.")


class KeyMessageSchema(Base):
    id = number("The key message's id.")
    act = related("act.number", "The ACT it belongs to.")
    text = text("The message.")
    rank = number("Its rank among its report's messages.")
    report_id = number("The rapporteur's report it comes from.", allow_none=True)
    merged_into_id = number("The message it was merged into, if any.", allow_none=True)
    reflections = fields.List(
        fields.Nested(ReflectionSchema), metadata={"description": "Its standing in each draft."}
    )


class ReportSchema(Base):
    id = number("The report's id.")
    act = related("act.number", "The ACT of its group session.")
    session_id = number("The group session (agenda item) it reports on.")
    status = choice(ReportStatus, "Where it is in review.")
    summary = text("The rapporteur's summary (Markdown).")
    submitted_at = UtcDateTime(allow_none=True, metadata={"description": "Submitted."})
    accepted_at = UtcDateTime(allow_none=True, metadata={"description": "Accepted."})
    priorities = fields.Function(
        lambda report: [p.text for p in report.priorities],
        metadata={"type": "array", "items": {"type": "string"}, "description": "In rank order."},
    )


class StanceSchema(Base):
    government = text("The government, or its anonymous label under the Chatham House rule.")
    key_message_id = number("The key message the stance is on.")
    position = choice(Position, "The government's stance.")


class OutcomeSchema(Base):
    id = number("The outcome's id.")
    act = related("act.number", "The ACT of its small table.")
    session_id = number("The small table (agenda item).")
    chatham_house = fields.Boolean(
        metadata={"description": "Held under the Chatham House rule: governments not named."}
    )
    governments = fields.List(
        fields.String(), metadata={"description": "Governments and UN agencies present."}
    )
    summary = text("What was said (Markdown).")
    commitments = text("Commitments made (Markdown).")
    follow_ups = text("Follow-ups agreed (Markdown).")
    stances = fields.List(fields.Nested(StanceSchema), metadata={"description": "Stances."})


class ActionSchema(Base):
    id = number("The action's id.")
    act = related("act.number", "The ACT it serves.")
    title = text("What is to be done.")
    description = text("More about it (Markdown).")
    status = choice(ActionStatus, "Where it stands.")
    priority = choice(ActionPriority, "How urgent it is.")
    due_on = fields.Date(allow_none=True, metadata={"description": "When it is due."})
    owner = related("owner.name", "Who carries it.", "string")
    organization = related("organization.name", "The organisation that carries it.", "string")
    milestone = related("milestone.key", "The process milestone it aims at.", "string")
    key_message_id = number("The key message it follows up.", allow_none=True)
    outcome_id = number("The small-table outcome it follows up.", allow_none=True)


class DraftSchema(Base):
    id = number("The draft's id.")
    name = text("Its name (zero draft, revision 1...).")
    released_on = fields.Date(metadata={"description": "When it was released."})
    milestone = related("milestone.key", "The milestone it was released at.", "string")
    previous_id = number("The draft before it.", allow_none=True)


class ParagraphSchema(Base):
    id = number("The paragraph's id.")
    ref = text('Its reference in the draft ("21(c)").')
    position = number("Its order in the draft.")
    section = text("The heading it sits under.")
    text = text("The paragraph's words.")
    change = choice(ParagraphChange, "How it changed since the previous draft.")
    previous_paragraph_id = number("The same paragraph in the previous draft.", allow_none=True)


class DraftWithParagraphsSchema(DraftSchema):
    paragraphs = fields.List(fields.Nested(ParagraphSchema), metadata={"description": "In order."})


class GovernmentSchema(Base):
    id = number("The government's id.")
    name = text("Its name as the UN lists it (English).")
    iso_code = text("ISO 3166 code of a member state.", allow_none=True)
    kind = choice(GovernmentKind, "A member state or a UN agency.")


class PositionSchema(Base):
    id = number("The position's id.")
    round = related("milestone.key", "The negotiation round (its milestone's key).", "string")
    government_id = number("The government or group.")
    government = related("government.name", "Its name as the workspace lists it.", "string")
    act = related("act.number", "The ACT it bears on.")
    key_message_id = number("The key message it bears on, if any.", allow_none=True)
    paragraph_ref = text('The paragraph under negotiation ("21(c)"), if any.')
    stand = choice(Stand, "What the government did with the text.")
    amendment = text("The amendment it proposed, if any.")
    source = choice(PositionSource, "Where it was heard.")
    stated_on = fields.Date(metadata={"description": "When."})


class MatrixRowSchema(Base):
    key_message_id = number("The key message.")
    act = number("Its ACT.")
    text = text("The message.")
    levels = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "Its level in each draft, by draft id (absent: not assessed)."},
    )
    excerpts = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "The words that carry it, by draft id."},
    )
