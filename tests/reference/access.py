"""Routes of the reference data's translations: coordinators and admins only."""

from tests.access import STAFF, Route

ROUTES = [
    Route("reference.act", lambda w: f"/acts/{w.act.number}/translations", allowed=STAFF),
    Route(
        "reference.milestone",
        lambda w: f"/milestones/{w.milestone.id}/translations",
        allowed=STAFF,
    ),
    Route("reference.meeting", lambda w: f"/meetings/{w.meeting.slug}/translations", allowed=STAFF),
    Route(
        "reference.session",
        lambda w: f"/sessions/{w.group_session.id}/translations",
        allowed=STAFF,
    ),
    Route(
        "reference.act",
        lambda w: f"/acts/{w.act.number}/translations",
        method="POST",
        allowed=STAFF,
        data=lambda w: {"seen": "", "title_fr": "Protection", "title_es": "Protección"},
    ),
]
