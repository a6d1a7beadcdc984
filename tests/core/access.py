"""Routes of the web shell: the health check answers anyone."""

from tests.access import Route

ROUTES = [
    Route("health.healthz", lambda w: "/healthz", public=True),
]
