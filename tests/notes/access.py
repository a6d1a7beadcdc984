"""Routes of group-session notes.

Civil-society roles read and write every note; observers read the published version of
shared notes only (404 on the others, through the reader's filter), never their history,
and never edit or restore (403 even when shared). Coordinators publish and withdraw.
"""

from tests.access import ALL_ROLES, CIVIL_SOCIETY, STAFF, Route

HIDDEN = {"observer": 404}


def _note_form(note) -> dict:
    return {"version": str(note.version), "title": "Edited title", "body": "Edited body."}


ROUTES = [
    Route(
        "notes.new", lambda w: f"/sessions/{w.group_session.id}/notes/new", allowed=CIVIL_SOCIETY
    ),
    Route(
        "notes.new",
        lambda w: f"/sessions/{w.group_session.id}/notes/new",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: {"act_id": str(w.act.id), "title": "From the room", "body": "Notes."},
    ),
    Route("notes.show", lambda w: f"/notes/{w.note.id}", allowed=CIVIL_SOCIETY, refused=HIDDEN),
    Route("notes.show", lambda w: f"/notes/{w.shared_note.id}", allowed=ALL_ROLES),
    Route(
        "notes.edit", lambda w: f"/notes/{w.note.id}/edit", allowed=CIVIL_SOCIETY, refused=HIDDEN
    ),
    Route("notes.edit", lambda w: f"/notes/{w.shared_note.id}/edit", allowed=CIVIL_SOCIETY),
    Route(
        "notes.edit",
        lambda w: f"/notes/{w.note.id}/edit",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN,
        data=lambda w: _note_form(w.note),
    ),
    Route(
        "notes.edit",
        lambda w: f"/notes/{w.shared_note.id}/edit",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: _note_form(w.shared_note),
    ),
    Route(
        "notes.history",
        lambda w: f"/notes/{w.note.id}/history?from=1&to=2",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN,
    ),
    Route("notes.history", lambda w: f"/notes/{w.shared_note.id}/history", allowed=CIVIL_SOCIETY),
    Route(
        "notes.revision",
        lambda w: f"/notes/{w.note.id}/revisions/1",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN,
    ),
    Route(
        "notes.revision", lambda w: f"/notes/{w.shared_note.id}/revisions/1", allowed=CIVIL_SOCIETY
    ),
    Route(
        "notes.publish",
        lambda w: f"/notes/{w.note.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN,
    ),
    Route(
        "notes.publish",
        lambda w: f"/notes/{w.shared_note.id}/publish",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "notes.withdraw",
        lambda w: f"/notes/{w.shared_note.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "notes.withdraw",
        lambda w: f"/notes/{w.note.id}/withdraw",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN,
    ),
    Route(
        "notes.restore",
        lambda w: f"/notes/{w.note.id}/revisions/1/restore",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN,
        data=lambda w: {"version": str(w.note.version)},
    ),
    Route(
        "notes.restore",
        lambda w: f"/notes/{w.shared_note.id}/revisions/1/restore",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: {"version": str(w.shared_note.version)},
    ),
]
