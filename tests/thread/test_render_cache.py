"""The render cache: one audience's page is never served to another, a write shows on the next
request through any other worker, and each reader still gets their own shell around it."""

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
import redis
from flask import Flask

from tests import factories
from tests.auth.workers import REDIS_URL, worker
from tests.conftest import IsolatedClient
from tests.records.test_observer_leaks import (
    MARKER,
    Markers,
    allowed_markers,
    build_world,
    observer_urls,
)
from tracker.app import CACHED_PAGES
from tracker.core.extensions import cache, db


def cached_urls(app: Flask) -> list[str]:
    """The leak walk's URLs (every record id, search with each filter) of the cached pages."""
    adapter = app.url_map.bind("localhost")
    found = []
    for url in observer_urls(app):
        path, _, query = url.partition("?")
        endpoint, _args = adapter.match(path, query_args=query)
        if endpoint in CACHED_PAGES:
            found.append(url)
    return found


def without_tokens(response) -> str:
    """The page, less its CSRF tokens (signed with the time: new on every rendering)."""
    return re.sub(r'name="csrf_token" value="[^"]+"', "", response.get_data(as_text=True))


def signed_in(app: Flask, user) -> IsolatedClient:
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
        session["_fresh"] = True
    return client


def test_an_observer_never_gets_the_page_civil_society_was_served(app, client, login_as):
    markers = Markers()
    world = build_world(client, login_as, markers)
    allowed = allowed_markers()
    member = factories.UserFactory(role="member")
    db.session.commit()
    members, observers = signed_in(app, member), signed_in(app, world["observer"])
    adapter = app.url_map.bind("localhost")
    walked = {adapter.match(url.partition("?")[0])[0] for url in cached_urls(app)}
    assert walked == set(CACHED_PAGES)
    civil_society_read: set[str] = set()
    leaks: dict[str, set[str]] = {}
    for url in cached_urls(app):
        warm = members.get(url)
        assert warm.status_code < 500, url
        civil_society_read |= set(MARKER.findall(warm.get_data(as_text=True)))
        response = observers.get(url)
        assert response.status_code < 500, url
        for marker in set(MARKER.findall(response.get_data(as_text=True))) - allowed:
            leaks.setdefault(markers.planted.get(marker, "?"), set()).add(url)
    assert leaks == {}, f"observers were served civil society's pages: {leaks}"
    # The member's requests did fill the cache with what governments were not given.
    assert civil_society_read - allowed


def test_civil_society_never_gets_the_page_an_observer_was_served(app, client, login_as):
    markers = Markers()
    world = build_world(client, login_as, markers)
    member = factories.UserFactory(role="member")
    db.session.commit()
    members, observers = signed_in(app, member), signed_in(app, world["observer"])
    urls = cached_urls(app)
    for url in urls:
        observers.get(url)
    after_observers = {url: without_tokens(members.get(url)) for url in urls}
    cache.clear()
    for url in urls:
        assert without_tokens(members.get(url)) == after_observers[url], url


def test_readers_of_one_audience_share_the_page_with_their_own_shell(app, count_queries):
    act = factories.ActFactory(number=3)
    anna = factories.UserFactory(role="member", name="Anna Zelinski", unread_notifications=2)
    bruno = factories.UserFactory(role="member", name="Bruno Okafor")
    factories.ActionFactory(act=act, owner=anna, title="Annas own next step")
    db.session.commit()
    first = signed_in(app, anna).get("/dashboard").get_data(as_text=True)
    brunos = signed_in(app, bruno)
    with count_queries() as counter:
        second = brunos.get("/dashboard").get_data(as_text=True)
    assert "Anna Zelinski" in first
    assert "Annas own next step" in first
    assert 'badge text-bg-warning">2' in first
    assert "Bruno Okafor" in second
    assert "Anna Zelinski" not in second
    assert "Annas own next step" not in second.split('id="h-mine"')[1].split("</section>")[0]
    assert "No open action is assigned to you." in second
    assert "<!--personal:" not in first + second
    # Served from the cache: the user (with the version), Bruno's own actions and his reports
    # to write.
    assert len([s for s in counter.statements if s.startswith("SELECT")]) == 3


def test_the_sign_out_form_carries_the_readers_own_csrf_token(csrf_app):
    with csrf_app.app_context():
        act = factories.ActFactory(number=3)
        users = factories.UserFactory.create_batch(2, role="member")
        db.session.commit()
        tokens = []
        for user in users:
            client = signed_in(csrf_app, user)
            html = client.get(f"/acts/{act.number}").get_data(as_text=True)
            token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
            tokens.append(token)
            assert client.post("/sign-out", data={"csrf_token": token}).status_code == 302
        assert tokens[0] != tokens[1]


def test_a_flash_message_shows_on_a_page_served_from_the_cache(app):
    first, second = factories.UserFactory.create_batch(2, role="coordinator")
    act = factories.ActFactory(number=3)
    note = factories.NoteFactory(act=act, session=factories.MeetingSessionFactory(acts=[act]))
    db.session.commit()
    publishing = signed_in(app, first)
    assert publishing.post(f"/notes/{note.id}/publish").status_code == 302
    signed_in(app, second).get("/acts/3")  # the page as coordinators read it now, cached
    html = publishing.get("/acts/3").get_data(as_text=True)
    assert 'class="alert alert-' in html
    assert 'class="alert alert-' not in signed_in(app, second).get("/acts/3").get_data(as_text=True)


@contextmanager
def two_workers(database_dir, store: str) -> Iterator[tuple[Flask, Flask]]:
    """Two processes' apps on the test database, with their cache and version in the database
    and each worker's memory, or both in Redis."""
    overrides = {}
    if store == "redis":
        client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
        try:
            client.ping()
        except redis.exceptions.ConnectionError as error:
            pytest.skip(f"Redis is not reachable at {REDIS_URL} ({error})")
        client.flushdb()
        overrides = {"REDIS_URL": REDIS_URL, "CACHE_TYPE": "RedisCache"}
        overrides["CACHE_REDIS_URL"] = REDIS_URL
    with ExitStack() as stack:
        first = stack.enter_context(worker(database_dir, **overrides))
        second = stack.enter_context(worker(database_dir, **overrides))
        yield first, second
    if store == "redis":
        client.flushdb()
        client.close()


@pytest.mark.parametrize("store", ["database", "redis"])
def test_a_write_shows_on_the_next_request_through_another_worker(database_dir, store):
    act = factories.ActFactory(number=3)
    session = factories.MeetingSessionFactory(acts=[act])
    note = factories.NoteFactory(act=act, session=session, title="Zanzibar caucus")
    observer = factories.UserFactory(role="observer")
    coordinator = factories.UserFactory(role="coordinator")
    db.session.commit()
    with two_workers(database_dir, store) as (reading, writing):
        observers = signed_in(reading, observer)
        coordinators = signed_in(writing, coordinator)
        for _warm in range(2):
            assert "Zanzibar" not in observers.get("/acts/3").get_data(as_text=True)
        assert coordinators.post(f"/notes/{note.id}/publish").status_code == 302
        assert "Zanzibar" in observers.get("/acts/3").get_data(as_text=True)
        assert "Zanzibar" in observers.get("/acts/3").get_data(as_text=True)
        assert coordinators.post(f"/notes/{note.id}/withdraw").status_code == 302
        assert "Zanzibar" not in observers.get("/acts/3").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    ["/dashboard", "/acts/3", "/acts/3/brief", "/agenda", "/drafts/matrix", "/search?q=detention"],
)
def test_a_page_from_the_cache_costs_the_same_few_queries_at_any_size(app, count_queries, path):
    act = factories.ActFactory(number=3)
    meeting = factories.MeetingFactory()
    member = factories.UserFactory(role="member")
    counts = []
    for size in (2, 30):
        sessions = factories.MeetingSessionFactory.create_batch(size, meeting=meeting, acts=[act])
        for session in sessions:
            factories.NoteFactory(act=act, session=session, body="detention " * 3)
        factories.ActionFactory.create_batch(size, act=act, owner=member)
        db.session.commit()
        client = signed_in(app, member)
        assert client.get(path).status_code == 200
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        counts.append(len([s for s in counter.statements if s.startswith("SELECT")]))
    # The user with the version; the reader's own parts (actions and reports on the dashboard,
    # the follow button on an ACT page).
    assert counts[0] == counts[1] <= 3
