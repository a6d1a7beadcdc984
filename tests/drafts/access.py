"""Routes of drafts and reflections."""

from tests.access import CIVIL_SOCIETY, HIDDEN_FROM_OBSERVERS, STAFF, Route, versioned

ROUTES = [
    Route("drafts.index", lambda w: "/drafts"),
    Route("drafts.show", lambda w: f"/drafts/{w.draft.id}"),
    Route("drafts.changes", lambda w: f"/drafts/{w.draft.id}/changes"),
    # Observers read the paragraph's reflections of shared key messages only.
    Route("drafts.paragraph", lambda w: f"/drafts/{w.draft.id}/paragraphs/{w.paragraph.id}"),
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
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "drafts.reflection",
        lambda w: f"/messages/{w.shared_key_message.id}/reflections/{w.draft.id}",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: versioned(w.shared_reflection, level="strong", paragraphs="1"),
    ),
    Route(
        "drafts.reflection",
        lambda w: f"/messages/{w.key_message.id}/reflections/{w.draft.id}",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: versioned(w.reflection, level="weak"),
    ),
    Route(
        "drafts.record_proposal",
        lambda w: f"/messages/{w.shared_key_message.id}/reflections/{w.draft.id}/proposal",
        method="POST",
        allowed=CIVIL_SOCIETY,
        data=lambda w: versioned(
            w.shared_reflection, paragraph_id=str(w.paragraph.id), level="partial"
        ),
    ),
    Route(
        "drafts.record_proposal",
        lambda w: f"/messages/{w.key_message.id}/reflections/{w.draft.id}/proposal",
        method="POST",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: {"paragraph_id": str(w.paragraph.id), "level": "partial"},
    ),
]
