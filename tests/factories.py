"""factory-boy factories for every model; they add to the test's session (committed before
each request by the test client)."""

from datetime import date, time

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy import insert, select

from tracker.auth.passwords import hash_password
from tracker.core.extensions import db
from tracker.records.accounts import Organization, User
from tracker.records.actions import Action, ActionUpdate
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Milestone, Speaker
from tracker.records.alerts import Alert, Follow
from tracker.records.api import ApiToken
from tracker.records.drafts import Draft, DraftParagraph, Reflection
from tracker.records.notes import Note, NoteRevision
from tracker.records.notifications import Notification
from tracker.records.positions import RoundPosition
from tracker.records.publishing import publish_new
from tracker.records.reports import KeyMessage, Report, ReportEvent, ReportInternal, ReportPriority
from tracker.records.tables import Government, Stance, TableOutcome

PASSWORD = "correct horse battery staple"


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


def publish(record) -> None:
    """Publish `record` as it stands now (again, if it was), as a coordinator would."""
    db.session.flush()
    db.session.refresh(record)
    publish_new(record, None)
    db.session.flush()


def insert_rows(model, rows: list[dict]) -> list[int]:
    """Insert `rows` of `model` in bulk (no factory, no publishing); return their ids in order."""
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))


def publish_rows(model, rows: list[dict], ids: list[int]) -> None:
    """Publish the bulk-inserted rows whose `visibility` said "shared" (inserted without it)."""
    chosen = [row_id for row, row_id in zip(rows, ids, strict=True) if row["shared"]]
    for record in db.session.scalars(select(model).where(model.id.in_(chosen))):
        publish_new(record, None)
    db.session.flush()


class PublishableBase(Base):
    """`visibility="shared"` publishes the record as it is created (civil society by default)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        shared = kwargs.pop("visibility", "civil_society") == "shared"
        record = super()._create(model_class, *args, **kwargs)
        if shared:
            publish(record)
        return record


class PartOfPublished(Base):
    """A part of a publishable record (a stance, a priority): added to a published record,
    it is published with it, as if it had been recorded before publishing."""

    class Meta:
        abstract = True

    _parent_attribute = "report"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        record = super()._create(model_class, *args, **kwargs)
        parent = getattr(record, cls._parent_attribute)
        if parent.visibility == "shared":
            publish(parent)
        return record


class OrganizationFactory(Base):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    region = "Global"


class UserFactory(Base):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.net")
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "member"
    password_hash = factory.LazyFunction(lambda: hash_password(PASSWORD))
    active = True


class ActFactory(Base):
    class Meta:
        model = Act

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Act title {n}")
    summary = "What this ACT asks of governments."


class MeetingFactory(Base):
    class Meta:
        model = Meeting

    slug = factory.Sequence(lambda n: f"meeting-{n}")
    title = factory.Sequence(lambda n: f"Meeting {n}")
    city = "Puerto Vallarta"
    country = "Mexico"
    starts_on = date(2017, 12, 2)
    ends_on = date(2017, 12, 3)
    audience = "open"


class MeetingSessionFactory(Base):
    class Meta:
        model = MeetingSession

    meeting = factory.SubFactory(MeetingFactory)
    key = factory.Sequence(lambda n: f"session-{n}")
    day = date(2017, 12, 2)
    starts_at = time(14, 0)
    ends_at = time(15, 25)
    kind = "group_session"
    title = factory.Sequence(lambda n: f"Group session {n}")
    audience = "civil_society"
    languages = factory.LazyFunction(list)
    position = factory.Sequence(lambda n: n)


class SpeakerFactory(Base):
    class Meta:
        model = Speaker

    session = factory.SubFactory(MeetingSessionFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "speaker"


class MilestoneFactory(Base):
    class Meta:
        model = Milestone

    key = factory.Sequence(lambda n: f"milestone-{n}")
    title = factory.Sequence(lambda n: f"Milestone {n}")
    kind = "negotiation"
    starts_on = date(2018, 2, 20)


class NoteFactory(PublishableBase):
    class Meta:
        model = Note

    session = factory.SubFactory(MeetingSessionFactory)
    act = factory.SubFactory(ActFactory)
    title = factory.Sequence(lambda n: f"Note {n}")
    body = "Priorities we heard in the room."
    visibility = "civil_society"


class NoteRevisionFactory(Base):
    class Meta:
        model = NoteRevision

    note = factory.SubFactory(NoteFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.SelfAttribute("note.title")
    body = factory.SelfAttribute("note.body")


class ReportFactory(PublishableBase):
    class Meta:
        model = Report

    act = factory.SubFactory(ActFactory)
    session = factory.SubFactory(MeetingSessionFactory)
    rapporteur = factory.SubFactory(UserFactory, role="rapporteur")
    status = "draft"
    summary = "The group agreed three priorities."
    visibility = "civil_society"
    internal = factory.LazyFunction(
        lambda: ReportInternal(divergence="Views differed on returns.", strategy_notes="")
    )


class ReportEventFactory(Base):
    class Meta:
        model = ReportEvent

    report = factory.SubFactory(ReportFactory)
    kind = "saved"


class ReportPriorityFactory(PartOfPublished):
    class Meta:
        model = ReportPriority

    _parent_attribute = "report"

    report = factory.SubFactory(ReportFactory)
    rank = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Priority {n}")


class KeyMessageFactory(PublishableBase):
    class Meta:
        model = KeyMessage

    report = factory.SubFactory(ReportFactory)
    act = factory.SelfAttribute("report.act")
    rank = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(
        lambda n: f"Key message {n}: firewalls between services and enforcement"
    )
    visibility = "civil_society"


class GovernmentFactory(Base):
    class Meta:
        model = Government

    name = factory.Sequence(lambda n: f"Country {n}")
    kind = "member_state"


class TableOutcomeFactory(PublishableBase):
    class Meta:
        model = TableOutcome

    act = factory.SubFactory(ActFactory)
    session = factory.SubFactory(
        MeetingSessionFactory, kind="small_table", audience="open", day=date(2017, 12, 3)
    )
    summary = "Governments listened and asked for evidence."
    visibility = "shared"


class StanceFactory(PartOfPublished):
    class Meta:
        model = Stance

    _parent_attribute = "outcome"

    outcome = factory.SubFactory(TableOutcomeFactory)
    government = factory.SubFactory(GovernmentFactory)
    key_message = factory.SubFactory(KeyMessageFactory)
    position = "supportive"


# Drafts and reflections


class DraftFactory(Base):
    class Meta:
        model = Draft

    name = factory.Sequence(lambda n: f"Draft {n}")
    released_on = date(2018, 2, 5)
    source_text = "1. We commit to end the detention of children."


class DraftParagraphFactory(Base):
    class Meta:
        model = DraftParagraph

    draft = factory.SubFactory(DraftFactory)
    position = factory.Sequence(lambda n: n + 1)
    ref = factory.Sequence(lambda n: str(n + 1))
    heading_level = 0
    section = ""
    text = "We commit to work to end the practice of child detention."
    change = "new"


class ReflectionFactory(Base):
    class Meta:
        model = Reflection

    key_message = factory.SubFactory(KeyMessageFactory)
    draft = factory.SubFactory(DraftFactory)
    level = "partial"
    state = "current"
    excerpt = "work to end the practice of child detention"
    note = ""


class AlertFactory(Base):
    class Meta:
        model = Alert

    draft = factory.SubFactory(DraftFactory)
    key_message = factory.SubFactory(KeyMessageFactory)
    kind = "weakened"
    old_ref = "29(h)"
    new_ref = "29(h)"
    old_text = "We commit to end the practice of child detention."
    new_text = "We commit to work towards ending the practice of child detention."
    wording_lost = "work* towards"
    wording_gained = ""
    words_lost = ""
    words_gained = ""


class FollowFactory(Base):
    class Meta:
        model = Follow

    user = factory.SubFactory(UserFactory)
    act = None
    key_message = None


# Next-step actions


class ActionFactory(PublishableBase):
    class Meta:
        model = Action

    act = factory.SubFactory(ActFactory)
    title = factory.Sequence(lambda n: f"Follow up with missions {n}")
    description = ""
    owner = factory.SubFactory(UserFactory)
    due_on = date(2018, 4, 2)
    priority = "medium"
    status = "open"
    visibility = "civil_society"


class ActionUpdateFactory(Base):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    kind = "comment"
    note = "A comment."


class ApiTokenFactory(Base):
    class Meta:
        model = ApiToken

    user = factory.SubFactory(UserFactory)
    name = "Coalition dashboard"
    token_hash = factory.Sequence(lambda n: f"{n:064d}")
    prefix = "abcdef"


class NotificationFactory(Base):
    class Meta:
        model = Notification

    user_id = factory.LazyAttribute(lambda o: o.action.owner_id)
    action = factory.SubFactory(ActionFactory)
    kind = "assigned"


# Positions in the negotiation rounds


class RoundPositionFactory(PublishableBase):
    class Meta:
        model = RoundPosition

    milestone = factory.SubFactory(MilestoneFactory)
    government = factory.SubFactory(GovernmentFactory)
    act = factory.SubFactory(ActFactory)
    key_message = None
    paragraph_ref = ""
    stand = "supports"
    source = "plenary"
    stated_on = date(2018, 2, 20)
    note = ""
    visibility = "civil_society"
