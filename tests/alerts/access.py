"""Routes of alerts: civil society reads what a draft did to its asks, observers never."""

from tests.access import CIVIL_SOCIETY, Route

ROUTES = [
    Route("alerts.for_draft", lambda w: f"/drafts/{w.draft.id}/asks", allowed=CIVIL_SOCIETY),
]
