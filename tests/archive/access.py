"""Routes of the archive: coordinators and admins only."""

from tests import factories
from tests.access import STAFF, Route
from tracker.core.extensions import db
from tracker.records import archiving


def _archived_note(w) -> int:
    note = factories.NoteFactory(session=w.group_session, act=w.act, title="Duplicate note")
    archiving.archive(note, w.users["coordinator"], "A duplicate of the group's note.")
    db.session.flush()
    return note.id


ROUTES = [
    Route("archive.index", lambda w: "/archive", allowed=STAFF),
    Route("archive.index", lambda w: "/archive?type=key_message", allowed=STAFF),
    Route("archive.record", lambda w: f"/archive/note/{w.note.id}", allowed=STAFF),
    Route("archive.record", lambda w: f"/archive/note/{_archived_note(w)}", allowed=STAFF),
    Route(
        "archive.record",
        lambda w: f"/archive/key_message/{w.key_message.id}",
        method="POST",
        allowed=STAFF,
        data=lambda w: {"reason": "Merged into another message by hand."},
    ),
    Route(
        "archive.restore",
        lambda w: f"/archive/note/{_archived_note(w)}/restore",
        method="POST",
        allowed=STAFF,
    ),
]
