"""Routes of group-session notes.

Civil-society roles read and write every note; observers read the published version of
shared notes only (404 on the others, through the reader's filter), never their history,
and never edit or restore (403 even when shared). Coordinators publish and withdraw.
"""

from tests.access import ALL_ROLES, CIVIL_SOCIETY, HIDDEN_FROM_OBSERVERS, STAFF, Route, versioned

NOTE_FORM = {"title": "Edited title", "body": "Edited body."}


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
    Route(
        "notes.show",
        lambda w: f"/notes/{w.note.id}",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("notes.show", lambda w: f"/notes/{w.shared_note.id}", allowed=ALL_ROLES),
    Route(
        "notes.edit",
        lambda w: f"/notes/{w.note.id}/edit",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("notes.edit", lambda w: f"/notes/{w.shared_note.id}/edit", allowed=CIVIL_SOCIETY),
    Route(
        "notes.edit",
        lambda w: f"/notes/{w.note.id}/edit",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: versioned(w.note, **NOTE_FORM),
    ),
    Route(
        "notes.edit",
        lambda w: f"/notes/{w.shared_note.id}/edit",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: versioned(w.shared_note, **NOTE_FORM),
    ),
    Route(
        "notes.history",
        lambda w: f"/notes/{w.note.id}/history?from=1&to=2",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("notes.history", lambda w: f"/notes/{w.shared_note.id}/history", allowed=CIVIL_SOCIETY),
    Route(
        "notes.revision",
        lambda w: f"/notes/{w.note.id}/revisions/1",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "notes.revision", lambda w: f"/notes/{w.shared_note.id}/revisions/1", allowed=CIVIL_SOCIETY
    ),
    Route(
        "notes.publish",
        lambda w: f"/notes/{w.note.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
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
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "notes.restore",
        lambda w: f"/notes/{w.note.id}/revisions/1/restore",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: versioned(w.note),
    ),
    Route(
        "notes.restore",
        lambda w: f"/notes/{w.shared_note.id}/revisions/1/restore",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: versioned(w.shared_note),
    ),
]
