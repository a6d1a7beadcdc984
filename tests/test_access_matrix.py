"""Every role against every route: allowed, or refused (403, or 404 for hidden records)."""

import pytest

from tests.access import ALL_ROLES, Route, World, declared_routes
from tracker.api.auth import create_token

UNCHECKED_ENDPOINTS = {"static", "bootstrap.static"}
ROUTES = declared_routes()


def test_every_route_of_the_app_is_in_the_matrix(app):
    declared = {route.endpoint for route in ROUTES}
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - UNCHECKED_ENDPOINTS
    assert endpoints - declared == set(), "declare these routes in tests/<package>/access.py"
    assert declared - endpoints == set(), "these declared routes do not exist"


def _request(client, route: Route, world: World, role: str | None = None):
    data = route.data(world) if route.data else {}
    headers = {}
    if route.api and role is not None:
        _token, secret = create_token(world.users[role], "access matrix")
        headers["Authorization"] = f"Bearer {secret}"
    return client.open(route.url(world), method=route.method, data=data, headers=headers)


@pytest.mark.parametrize("role", sorted(ALL_ROLES))
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.endpoint}")
def test_role_gets_what_the_policy_says(client, login_as, route: Route, role: str):
    world = World()
    login_as(world.users[role])
    response = _request(client, route, world, role)
    if role in route.allowed:
        assert response.status_code not in (401, 403, 404), response.status_code
        assert response.status_code < 500
    else:
        assert response.status_code == route.expected_refusal(role)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.endpoint}")
def test_signed_out_visitor_is_sent_to_sign_in(client, route: Route):
    world = World()
    response = _request(client, route, world)
    if route.public:
        assert response.status_code < 500
    elif route.api:
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"
    else:
        assert response.status_code == 302
        assert "/sign-in" in response.headers["Location"]
