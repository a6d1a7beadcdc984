"""The workspace version changes with every write a page could show, in the same transaction,
and with nothing else."""

from sqlalchemy import update

from tests import factories
from tracker.core.clock import now
from tracker.core.extensions import db
from tracker.records.accounts import SignInFailure, User
from tracker.records.notes import Note
from tracker.records.workspace import current_version


def version() -> int | None:
    db.session.commit()
    return current_version(db.session)


def test_a_record_created_changed_or_deleted_changes_the_version():
    note = factories.NoteFactory(title="first")
    db.session.commit()
    seen = [version()]
    note.title = "second"
    seen.append(version())
    db.session.delete(note)
    seen.append(version())
    assert None not in seen
    assert len(set(seen)) == 3
    assert seen == sorted(seen)


def test_a_bulk_update_changes_the_version():
    note = factories.NoteFactory()
    before = version()
    db.session.execute(update(Note).where(Note.id == note.id).values(title="bulk"))
    assert version() > before


def test_a_write_rolled_back_leaves_the_version_alone():
    factories.NoteFactory()
    before = version()
    factories.NoteFactory()
    db.session.flush()
    db.session.rollback()
    assert version() == before


def test_what_no_shared_page_shows_leaves_the_version_alone():
    user = factories.UserFactory(role="member")
    action = factories.ActionFactory(owner=user)
    before = version()
    user.last_sign_in_at = now()
    user.unread_notifications = 4
    user.end_all_sessions()
    db.session.add(
        SignInFailure(email="someone@example.org", address="203.0.113.9", failed_at=now())
    )
    factories.NotificationFactory(action=action)
    assert version() == before
    user.name = "A new name shown beside their actions"
    assert version() > before


def test_a_version_never_repeats_after_the_workspace_is_emptied():
    factories.NoteFactory()
    before = version()
    db.session.execute(update(User).values(name="x"))
    db.session.commit()
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM workspace_version")
    assert version() is None
    factories.NoteFactory()
    assert version() > before
