"""The demo meeting record: governments, notes, reports, key messages and table outcomes."""

from sqlalchemy import func, select

from tracker.data.demo import load_demo
from tracker.data.demo.positions import GROUPS
from tracker.data.demo.record import ILLUSTRATIVE
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import SessionKind
from tracker.records.base import Visibility
from tracker.records.notes import Note, NoteRevision
from tracker.records.reports import KeyMessage, Report, ReportEvent, ReportEventKind, ReportStatus
from tracker.records.tables import Government, GovernmentKind, Stance, TableOutcome
from tracker.text.redaction import member_states, un_agencies


def _report(db, number: int) -> Report:
    return db.session.scalar(select(Report).join(Act).where(Act.number == number))


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_governments_are_every_member_state_the_agencies_and_the_groups(demo, db):
    kinds = dict(
        db.session.execute(select(Government.kind, func.count()).group_by(Government.kind)).all()
    )
    assert kinds == {
        GovernmentKind.MEMBER_STATE: 193,
        GovernmentKind.UN_AGENCY: len(un_agencies()),
        GovernmentKind.GROUP: len(GROUPS),
    }
    names = set(db.session.scalars(select(Government.name)))
    assert names == {name for _iso, name in member_states()} | set(un_agencies()) | set(GROUPS)
    codes = dict(db.session.execute(select(Government.name, Government.iso_code)).all())
    assert codes["Mexico"] == "MX"
    assert codes["International Organization for Migration (IOM)"] is None


def test_at_least_three_acts_have_notes_reports_and_key_messages(demo, db):
    with_notes = set(db.session.scalars(select(Note.act_id).distinct()))
    with_reports = set(db.session.scalars(select(Report.act_id).distinct()))
    with_messages = set(db.session.scalars(select(KeyMessage.act_id).distinct()))
    assert len(with_notes & with_reports & with_messages) >= 3


def test_report_statuses_cover_the_workflow(demo, db):
    statuses = set(db.session.scalars(select(Report.status)))
    assert {ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, ReportStatus.RETURNED} <= statuses

    for report in db.session.scalars(select(Report)):
        kinds = [event.kind for event in report.events]
        assert kinds[0] == ReportEventKind.ASSIGNED
        assert report.internal is not None
        assert report.internal.divergence or report.internal.strategy_notes
        assert 3 <= len(report.priorities) <= 5
        assert [p.rank for p in report.priorities] == list(range(1, len(report.priorities) + 1))
        assert 3 <= len(report.key_messages) <= 4
        assert report.summary.endswith(ILLUSTRATIVE["en"])
        if report.status == ReportStatus.DRAFT:
            assert report.submitted_at is None
            assert report.accepted_at is None
        else:
            assert ReportEventKind.SUBMITTED in kinds
            assert report.submitted_at is not None
        if report.status == ReportStatus.ACCEPTED:
            assert report.accepted_at is not None
            assert report.accepted_at > report.submitted_at
        else:
            assert report.accepted_at is None


def test_a_returned_report_carries_the_coordinators_comment(demo, db):
    report = db.session.scalar(select(Report).where(Report.status == ReportStatus.RETURNED))
    assert report is not None
    returned = [event for event in report.events if event.kind == ReportEventKind.RETURNED]
    assert returned
    assert returned[-1].comment.strip()
    assert returned[-1].actor.role == "coordinator"
    assert report.events[-1].kind == ReportEventKind.RETURNED


def test_the_accepted_report_is_published_with_its_key_messages(demo, db):
    report = _report(db, 3)
    assert report.status == ReportStatus.ACCEPTED
    assert report.visibility == Visibility.SHARED
    assert report.events[-1].kind == ReportEventKind.PUBLISHED
    assert all(message.visibility == Visibility.SHARED for message in report.key_messages)


def test_the_demo_rapporteur_has_a_draft_to_write(demo, db):
    report = _report(db, 5)
    assert report.status == ReportStatus.DRAFT
    assert report.rapporteur.email == "rapporteur@example.org"


def test_notes_and_their_revisions_agree(demo, db):
    notes = db.session.scalars(select(Note)).all()
    assert notes
    languages = {"en": 0, "es": 0, "fr": 0}
    for note in notes:
        revisions = db.session.scalars(
            select(NoteRevision)
            .where(NoteRevision.note_id == note.id)
            .order_by(NoteRevision.number)
        ).all()
        assert 2 <= len(revisions) == note.revision_count
        assert [revision.number for revision in revisions] == list(range(1, len(revisions) + 1))
        assert note.body == revisions[-1].body
        assert len({revision.author_id for revision in revisions}) >= 2
        lengths = [len(revision.body) for revision in revisions]
        assert lengths == sorted(lengths)
        marker = next(lang for lang, line in ILLUSTRATIVE.items() if note.body.endswith(line))
        languages[marker] += 1
        expected = (
            Visibility.SHARED
            if note.session.kind == SessionKind.SMALL_TABLE
            else Visibility.CIVIL_SOCIETY
        )
        assert note.visibility == expected
    assert all(languages.values())


def test_outcomes_have_a_stance_per_government_and_key_message(demo, db):
    outcomes = db.session.scalars(select(TableOutcome)).all()
    assert len(outcomes) >= 2
    assert any(outcome.chatham_house for outcome in outcomes)
    for outcome in outcomes:
        assert outcome.visibility == Visibility.SHARED
        states = [g for g in outcome.governments if g.kind == GovernmentKind.MEMBER_STATE]
        agencies = [g for g in outcome.governments if g.kind == GovernmentKind.UN_AGENCY]
        assert 5 <= len(states) <= 8
        assert 1 <= len(agencies) <= 2
        messages = db.session.scalars(
            select(KeyMessage.id).where(
                KeyMessage.act_id == outcome.act_id, KeyMessage.merged_into_id.is_(None)
            )
        ).all()
        assert messages
        pairs = {(stance.government_id, stance.key_message_id) for stance in outcome.stances}
        assert pairs == {(g.id, m) for g in outcome.governments for m in messages}
        assert len(outcome.stances) == len(pairs)
        assert outcome.summary.endswith(ILLUSTRATIVE["en"])
    positions = set(db.session.scalars(select(Stance.position)))
    assert {"supportive", "open", "reserved", "opposed"} <= set(positions)


def test_loading_twice_changes_no_counts(demo, db):
    models = [
        Government,
        User,
        Note,
        NoteRevision,
        Report,
        ReportEvent,
        KeyMessage,
        TableOutcome,
        Stance,
    ]
    tables = list(db.metadata.sorted_tables)
    before = {table.name: _count(db, table) for table in tables}
    assert all(before[model.__tablename__] for model in models)
    load_demo()
    after = {table.name: _count(db, table) for table in tables}
    assert after == before
