"""Routes of drafts and reflections."""

from tests.access import CIVIL_SOCIETY, STAFF, Route

ROUTES = [
    Route("drafts.index", lambda w: "/drafts"),
    Route("drafts.show", lambda w: f"/drafts/{w.draft.id}"),
    Route("drafts.changes", lambda w: f"/drafts/{w.draft.id}/changes"),
    Route("drafts.new", lambda w: "/drafts/new", allowed=STAFF),
    Route(
        "drafts.new",
        lambda w: "/drafts/new",
        method="POST",
        allowed=STAFF,
        data=lambda w: {
            "name": "Rev 1",
            "released_on": "2018-03-26",
            "milestone_id": "0",
            "text": "1. We commit to end the detention of children.",
        },
    ),
    # A shared key message: observers read its reflection but may not record one.
    Route(
        "drafts.reflection",
        lambda w: f"/messages/{w.shared_key_message.id}/reflections/{w.draft.id}",
    ),
    # A civil-society-only key message: observers get 404, as if it did not exist.
    Route(
        "drafts.reflection",
        lambda w: f"/messages/{w.key_message.id}/reflections/{w.draft.id}",
        allowed=CIVIL_SOCIETY,
        refused={"observer": 404},
    ),
    Route(
        "drafts.reflection",
        lambda w: f"/messages/{w.shared_key_message.id}/reflections/{w.draft.id}",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: {
            "level": "strong",
            "paragraphs": "1",
            "version": str(w.shared_reflection.version),
        },
    ),
    Route(
        "drafts.reflection",
        lambda w: f"/messages/{w.key_message.id}/reflections/{w.draft.id}",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused={"observer": 404},
        data=lambda w: {"level": "weak", "version": str(w.reflection.version)},
    ),
    Route(
        "drafts.record_proposal",
        lambda w: f"/messages/{w.shared_key_message.id}/reflections/{w.draft.id}/proposal",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: {
            "paragraph_id": str(w.paragraph.id),
            "level": "partial",
            "version": str(w.shared_reflection.version),
        },
    ),
    Route(
        "drafts.record_proposal",
        lambda w: f"/messages/{w.key_message.id}/reflections/{w.draft.id}/proposal",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused={"observer": 404},
        data=lambda w: {"paragraph_id": str(w.paragraph.id), "level": "partial"},
    ),
]
