"""Routes of the read API (every role reads it with its own token) and of the pages beside
it: personal tokens, the API's reference and its OpenAPI document."""

from tests.access import STAFF, Route

ROUTES = [
    Route("api-docs.openapi_json", lambda w: "/api/v1/openapi.json", public=True),
    Route("api_pages.reference", lambda w: "/api-reference", public=True),
    Route("api_pages.tokens", lambda w: "/account/tokens"),
    Route(
        "api_pages.create_token",
        lambda w: "/account/tokens",
        method="POST",
        data=lambda w: {"name": "Coalition dashboard"},
    ),
    # Revoking someone else's token: as if it did not exist.
    Route(
        "api_pages.revoke_token",
        lambda w: f"/account/tokens/{w.api_token.id}/revoke",
        method="POST",
        allowed=frozenset({"member"}),
        refused={role: 404 for role in ("admin", "coordinator", "rapporteur", "observer")},
    ),
    *(
        Route(endpoint, lambda w, path=path: f"/api/v1/{path}", api=True)
        for endpoint, path in (
            ("api.Acts", "acts"),
            ("api.Meetings", "meetings"),
            ("api.KeyMessages", "key-messages?act=3"),
            ("api.Reports", "reports?status=accepted"),
            ("api.Outcomes", "outcomes"),
            ("api.Actions", "actions?status=open"),
            ("api.Drafts", "drafts"),
            ("api.Matrix", "matrix"),
            ("api.Governments", "governments"),
            ("api.Positions", "positions?act=3"),
        )
    ),
    Route("api.AgendaItems", lambda w: f"/api/v1/meetings/{w.meeting.slug}/items", api=True),
    Route("api.DraftText", lambda w: f"/api/v1/drafts/{w.draft.id}", api=True),
]

ROUTES += [
    Route("api_pages.workspace_zip", lambda w: "/exports/workspace.zip"),
    Route("api_pages.matrix_csv", lambda w: "/exports/matrix.csv?act=3"),
    Route("api_pages.matrix_xlsx", lambda w: "/exports/matrix.xlsx"),
    Route("api_pages.draft_markdown", lambda w: f"/exports/drafts/{w.draft.id}.md"),
    # Off by default: there is nothing at the public address.
    Route(
        "api_pages.public_scorecard",
        lambda w: "/scorecard",
        public=True,
        allowed=frozenset(),
        refused={
            role: 404 for role in ("admin", "coordinator", "rapporteur", "member", "observer")
        },
    ),
    Route("api_pages.scorecard_settings", lambda w: "/scorecard/settings", allowed=STAFF),
    Route(
        "api_pages.switch_scorecard",
        lambda w: "/scorecard/settings",
        method="POST",
        allowed=STAFF,
        data=lambda w: {"public": "on"},
    ),
]
