import pytest

from tests.auth.workers import site_fixture


@pytest.fixture(params=["database", "redis"])
def site(request, app, monkeypatch):
    """The app with its throttles in the database, then (second run) in Redis."""
    yield from site_fixture(request, app, monkeypatch)
