"""Archiving and restoring each kind of record: hidden from every list and count with what
hangs on it, back with everything linked to it; purging what was archived long ago."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tests import factories
from tracker.core.clock import today
from tracker.core.extensions import db as _db
from tracker.records import archiving
from tracker.records.actions import Action, ActionUpdate
from tracker.records.activity import Activity
from tracker.records.agenda import Meeting, MeetingSession, Speaker
from tracker.records.base import LiveRowsMixin
from tracker.records.drafts import Draft, DraftParagraph, Reflection
from tracker.records.notes import Note, NoteRevision
from tracker.records.notifications import Notification
from tracker.records.reader import INCLUDE_ARCHIVED
from tracker.records.reports import KeyMessage, Report, ReportPriority
from tracker.records.tables import Stance, TableOutcome


class Thread:
    """A meeting with a group session (note, report, key message) and a small table
    (outcome, stance), a draft reflecting the message, actions from both."""

    def __init__(self) -> None:
        self.coordinator = factories.UserFactory(role="coordinator")
        self.meeting = factories.MeetingFactory()
        act = factories.ActFactory()
        self.session = factories.MeetingSessionFactory(meeting=self.meeting, acts=[act])
        factories.SpeakerFactory(session=self.session)
        self.note = factories.NoteFactory(session=self.session, act=act)
        factories.NoteRevisionFactory(note=self.note, number=1)
        self.report = factories.ReportFactory(session=self.session, act=act)
        factories.ReportPriorityFactory(report=self.report)
        self.message = factories.KeyMessageFactory(report=self.report, act=act)
        table = factories.MeetingSessionFactory(meeting=self.meeting, kind="small_table")
        self.outcome = factories.TableOutcomeFactory(session=table, act=act)
        factories.StanceFactory(outcome=self.outcome, key_message=self.message)
        self.draft = factories.DraftFactory()
        paragraph = factories.DraftParagraphFactory(draft=self.draft, position=1)
        factories.ReflectionFactory(
            key_message=self.message, draft=self.draft, paragraphs=[paragraph]
        )
        self.action = factories.ActionFactory(act=act, key_message=self.message)
        factories.ActionUpdateFactory(action=self.action)
        factories.NotificationFactory(action=self.action, user_id=self.coordinator.id)
        self.outcome_action = factories.ActionFactory(act=act, outcome=self.outcome)
        _db.session.flush()


def counts() -> dict[str, int]:
    models = (
        Meeting, MeetingSession, Speaker, Note, NoteRevision, Report, ReportPriority,
        KeyMessage, TableOutcome, Stance, Draft, DraftParagraph, Reflection, Action,
        ActionUpdate, Notification,
    )  # fmt: skip
    return {m.__name__: _db.session.scalar(select(func.count()).select_from(m)) for m in models}


def live(model) -> list:
    return list(_db.session.scalars(select(model)))


def test_every_record_hidden_with_an_archive_says_which_rows_are_live():
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for model in subclasses(LiveRowsMixin):
        if hasattr(model, "__table__"):
            own = model.live_clause.__func__ is not LiveRowsMixin.live_clause.__func__
            assert own, f"{model.__name__} hides no row: define its live_clause()"


@pytest.mark.parametrize(
    ("name", "hidden_with_it"),
    [
        ("note", {"Note": 1, "NoteRevision": 1}),
        ("action", {"Action": 1, "ActionUpdate": 1, "Notification": 1}),
        ("outcome", {"TableOutcome": 1, "Stance": 1, "Action": 1}),
        (
            "message",
            {
                "KeyMessage": 1,
                "Stance": 1,
                "Reflection": 1,
                "Action": 1,
                "ActionUpdate": 1,
                "Notification": 1,
            },
        ),
        (
            "report",
            {
                "Report": 1,
                "ReportPriority": 1,
                "KeyMessage": 1,
                "Stance": 1,
                "Reflection": 1,
                "Action": 1,
                "ActionUpdate": 1,
                "Notification": 1,
            },
        ),
        ("draft", {"Draft": 1, "DraftParagraph": 1, "Reflection": 1}),
        (
            "session",
            {
                "MeetingSession": 1,
                "Speaker": 1,
                "Note": 1,
                "NoteRevision": 1,
                "Report": 1,
                "ReportPriority": 1,
                "KeyMessage": 1,
                "Stance": 1,
                "Reflection": 1,
                "Action": 1,
                "ActionUpdate": 1,
                "Notification": 1,
            },
        ),
    ],
)
def test_archiving_hides_the_record_and_what_hangs_on_it_and_restoring_brings_all_back(
    db, name, hidden_with_it
):
    thread = Thread()
    before = counts()
    record = getattr(thread, name)
    entry = archiving.archive(record, thread.coordinator, "Entered twice by mistake.")
    db.session.commit()
    db.session.expire_all()

    after = counts()
    assert {k: before[k] - after[k] for k in before if before[k] != after[k]} == hidden_with_it
    assert record not in live(type(record))
    assert (entry.verb, entry.detail, entry.record_id) == (
        "archived",
        "Entered twice by mistake.",
        record.id,
    )
    found = archiving.find(record.record_type, record.id)
    assert found is record
    assert found.archive_reason == "Entered twice by mistake."

    archiving.restore(record, thread.coordinator)
    db.session.commit()
    db.session.expire_all()
    assert counts() == before
    # Everything is linked as it was.
    message = db.session.get(KeyMessage, thread.message.id)
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(Reflection)
            .where(Reflection.key_message_id == message.id)
        )
        == 1
    )
    assert db.session.get(Action, thread.action.id).key_message_id == message.id
    assert db.session.get(Action, thread.outcome_action.id).outcome_id == thread.outcome.id
    verbs = db.session.scalars(select(Activity.verb).order_by(Activity.id)).all()
    assert verbs == ["archived", "restored"]


def test_archiving_a_meeting_hides_its_agenda_and_everything_recorded_there(db):
    thread = Thread()
    archiving.archive(thread.meeting, thread.coordinator, "A test meeting.")
    db.session.commit()
    after = counts()
    assert after["Meeting"] == after["MeetingSession"] == after["Note"] == 0
    assert after["Report"] == after["KeyMessage"] == after["TableOutcome"] == after["Action"] == 0
    assert after["Draft"] == 1  # the drafts belong to the negotiations, not to the meeting
    archiving.restore(thread.meeting, thread.coordinator)
    db.session.commit()
    assert counts()["Action"] == 2


def test_a_record_archived_on_its_own_stays_archived_when_its_parent_comes_back(db):
    thread = Thread()
    archiving.archive(thread.action, thread.coordinator, "Done elsewhere.")
    archiving.archive(thread.message, thread.coordinator, "Duplicate of another ask.")
    db.session.commit()
    archiving.restore(thread.message, thread.coordinator)
    db.session.commit()
    assert thread.message in live(KeyMessage)
    assert live(Action) == [thread.outcome_action]


def test_a_record_cannot_come_back_while_what_it_belongs_to_is_archived(db):
    thread = Thread()
    archiving.archive(thread.action, thread.coordinator, "Done elsewhere.")
    archiving.archive(thread.message, thread.coordinator, "Duplicate.")
    db.session.commit()
    with pytest.raises(archiving.ArchiveError):
        archiving.restore(thread.action, thread.coordinator)
    with pytest.raises(archiving.ArchiveError):
        archiving.archive(thread.message, thread.coordinator, "Again.")
    with pytest.raises(archiving.ArchiveError):
        archiving.restore(thread.note, thread.coordinator)


def test_purging_deletes_what_was_archived_before_the_day_and_logs_it(app, db):
    thread = Thread()
    message_id = thread.message.id
    archiving.archive(thread.message, thread.coordinator, "Contains a person's name.")
    archiving.archive(thread.note, thread.coordinator, "Archived today.")
    db.session.commit()
    # The message was archived long ago.
    for model in (KeyMessage, Action):
        for record in db.session.scalars(
            select(model).where(model.archived_at.is_not(None)),
            execution_options={INCLUDE_ARCHIVED: True},
        ):
            record.archived_at -= timedelta(days=400)
    db.session.commit()
    cutoff = (today() - timedelta(days=30)).isoformat()

    result = app.test_cli_runner().invoke(args=["purge-archived", "--before", cutoff], input="y\n")

    assert result.exit_code == 0, result.output
    assert "Purged 1 key_message record(s)." in result.output
    assert "Purged 1 action record(s)." in result.output
    db.session.expire_all()
    options = {INCLUDE_ARCHIVED: True}
    everything = {
        m.__name__: db.session.scalar(
            select(func.count()).select_from(m), execution_options=options
        )
        for m in (KeyMessage, Action, Reflection, Stance, Note)
    }
    assert everything == {"KeyMessage": 0, "Action": 1, "Reflection": 0, "Stance": 0, "Note": 1}
    log = db.session.execute(
        select(Activity.verb, Activity.record_type, Activity.summary, Activity.detail).order_by(
            Activity.id
        )
    ).all()
    assert ("purged", "key_message", f"key_message {message_id}", cutoff) in log
    # The log no longer says what the purged message was called, nor why it was archived.
    archived = [row for row in log if row[0] == "archived" and row[1] == "key_message"]
    assert archived == [("archived", "key_message", "", "")]


def test_purging_asks_first_and_needs_a_date(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["purge-archived"]).exit_code != 0
    assert runner.invoke(args=["purge-archived", "--before", "01/02/2018"]).exit_code != 0
    refused = runner.invoke(args=["purge-archived", "--before", "2018-01-01"], input="n\n")
    assert refused.exit_code == 1
    done = runner.invoke(args=["purge-archived", "--before", str(date(2018, 1, 1)), "--yes"])
    assert "Nothing was archived before 2018-01-01." in done.output
