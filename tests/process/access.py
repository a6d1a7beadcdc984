"""Routes of the process: the road to adoption and the organisations."""

from tests.access import ALL_ROLES, CIVIL_SOCIETY, STAFF, Route, b64, versioned


def _milestone(w) -> dict:
    return {
        "title": "Regional review, Bangkok",
        "kind": "meeting",
        "starts_on": "2018-05-14",
        "ends_on": "",
        "place": "Bangkok",
    }


def _organization(w) -> dict:
    return {
        "name": "Another Network",
        "acronym": "AN",
        "region": "Asia",
        "kind": "network",
        "signed_on": "2017-11-30",
    }


ROUTES = [
    Route("process.milestones", lambda w: "/milestones", allowed=ALL_ROLES),
    Route("process.edit_milestone", lambda w: "/milestones/new", allowed=STAFF),
    Route("process.edit_milestone", lambda w: "/milestones/new", "POST", STAFF, data=_milestone),
    Route("process.edit_milestone", lambda w: f"/milestones/{w.milestone.id}/edit", allowed=STAFF),
    Route(
        "process.edit_milestone",
        lambda w: f"/milestones/{w.milestone.id}/edit",
        "POST",
        STAFF,
        data=lambda w: versioned(w.milestone) | _milestone(w),
    ),
    Route("process.organizations", lambda w: "/organizations", allowed=CIVIL_SOCIETY),
    Route(
        "process.organization",
        lambda w: f"/organizations/{w.organization.id}",
        allowed=CIVIL_SOCIETY,
    ),
    Route("process.edit_organization", lambda w: "/organizations/new", allowed=STAFF),
    Route(
        "process.edit_organization",
        lambda w: "/organizations/new",
        "POST",
        STAFF,
        data=_organization,
    ),
    Route(
        "process.edit_organization",
        lambda w: f"/organizations/{w.organization.id}/edit",
        allowed=STAFF,
    ),
    Route(
        "process.edit_organization",
        lambda w: f"/organizations/{w.organization.id}/edit",
        "POST",
        STAFF,
        data=lambda w: versioned(w.organization) | _organization(w),
    ),
    Route("process.import_organizations", lambda w: "/organizations/import", allowed=STAFF),
    Route(
        "process.confirm_organizations",
        lambda w: "/organizations/import/confirm",
        "POST",
        STAFF,
        data=lambda w: {
            "content": b64("name,acronym,region,kind\nImported Network,IN,Africa,network\n"),
            "filename": "organisations.csv",
        },
    ),
]
