"""The read API: personal tokens, what each token reads, pages, ETags, errors, rate limit."""

import csv
import io

import pytest
from sqlalchemy import select

from tests import factories
from tests.conftest import make_config
from tracker import create_app
from tracker.api.auth import create_token
from tracker.core.extensions import db
from tracker.records.api import ApiToken


def _get(client, url: str, secret: str, **headers: str):
    return client.get(url, headers={"Authorization": f"Bearer {secret}", **headers})


def test_a_token_is_shown_once_and_only_its_fingerprint_kept(client, login_as):
    user = login_as("member")
    response = client.post("/account/tokens", data={"name": "Coalition dashboard"})
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"
    token = db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)).one()
    page = response.get_data(as_text=True)
    secret = page.split('id="new-token" readonly value="')[1].split('"')[0]
    assert token.prefix == secret[:6]
    assert secret not in token.token_hash
    listing = client.get("/account/tokens").get_data(as_text=True)
    assert "Coalition dashboard" in listing
    assert secret not in listing
    assert _get(client, "/api/v1/acts", secret).status_code == 200


def test_a_revoked_token_reads_nothing(client, login_as):
    user = login_as("member")
    token, secret = create_token(user, "old script")
    assert _get(client, "/api/v1/acts", secret).status_code == 200
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 302
    response = _get(client, "/api/v1/acts", secret)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.json["status"] == 401
    assert 'Bearer realm="api"' in response.headers["WWW-Authenticate"]


def test_no_token_or_a_made_up_one_is_refused(client, login_as):
    login_as("coordinator")  # a signed-in browser session is not a token
    assert client.get("/api/v1/key-messages").status_code == 401
    assert _get(client, "/api/v1/key-messages", "made-up").status_code == 401


def test_an_observers_token_reads_the_published_version_only(client, login_as):
    act = factories.ActFactory(number=3)
    hidden = factories.KeyMessageFactory(report__act=act, text="Civil society only message")
    shared = factories.KeyMessageFactory(report__act=act, text="Firewalls between services")
    factories.publish(shared)
    shared.text = "Reworded after publishing"
    member, observer = login_as("member"), login_as("observer")
    _t, member_secret = create_token(member, "member")
    _t, observer_secret = create_token(observer, "observer")
    as_member = _get(client, "/api/v1/key-messages", member_secret).json["items"]
    as_observer = _get(client, "/api/v1/key-messages", observer_secret).json["items"]
    assert {m["text"] for m in as_member} == {hidden.text, "Reworded after publishing"}
    assert [(m["id"], m["text"]) for m in as_observer] == [
        (shared.id, "Firewalls between services")
    ]


def test_pages_follow_the_cursor_without_gaps_or_repeats(client, login_as):
    act = factories.ActFactory(number=2)
    ids = [factories.ActionFactory(act=act).id for _ in range(7)]
    _t, secret = create_token(login_as("member"), "pages")
    seen, url = [], "/api/v1/actions?limit=3"
    while url:
        body = _get(client, url, secret).json
        seen += [item["id"] for item in body["items"]]
        url = (
            f"/api/v1/actions?limit=3&cursor={body['next_cursor']}" if body["next_cursor"] else None
        )
    assert seen == sorted(ids)


def test_the_etag_answers_304_until_something_changes(client, login_as):
    act = factories.ActFactory(number=5)
    action = factories.ActionFactory(act=act, title="Brief missions")
    _t, secret = create_token(login_as("member"), "etag")
    first = _get(client, "/api/v1/actions", secret)
    etag = first.headers["ETag"]
    assert _get(client, "/api/v1/actions", secret, **{"If-None-Match": etag}).status_code == 304
    action.title = "Brief the missions in Geneva"
    db.session.commit()
    changed = _get(client, "/api/v1/actions", secret, **{"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.json["items"][0]["title"] == "Brief the missions in Geneva"


@pytest.mark.parametrize(
    ("url", "status", "field"),
    [
        ("/api/v1/actions?status=finished", 422, "status"),
        ("/api/v1/actions?limit=0", 422, "limit"),
        ("/api/v1/key-messages?act=abc", 422, "act"),
        ("/api/v1/actions?cursor=not-ours", 400, None),
        ("/api/v1/drafts/99999999999999999999", 404, None),
        ("/api/v1/meetings/nowhere/items", 404, None),
    ],
)
def test_errors_are_problem_details(client, login_as, url, status, field):
    _t, secret = create_token(login_as("member"), "errors")
    response = _get(client, url, secret)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.json
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    if field:
        assert field in body["errors"]["query"]


def test_the_api_and_the_csv_list_the_same_actions_for_the_same_filters(client, login_as):
    act = factories.ActFactory(number=4, title="Decent work")
    other = factories.ActFactory(number=6, title="Education")
    for status in ("open", "done", "open", "in_progress"):
        factories.ActionFactory(act=act, status=status)
    factories.ActionFactory(act=other, status="open")
    _t, secret = create_token(login_as("member"), "compare")
    for query in ("act=4", "act=4&status=open", "status=open", "status=done"):
        api = _get(client, f"/api/v1/actions?limit=200&{query}", secret).json["items"]
        exported = client.get(f"/actions/export.csv?{query}").data.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(exported)))
        assert sorted(item["title"] for item in api) == sorted(row["Title"] for row in rows), query


def test_each_token_has_its_own_rate_limit(database_dir):
    from tests.conftest import database_url

    limited = create_app(make_config(database_url(database_dir), API_RATE_LIMIT="3 per minute"))
    with limited.app_context():
        user = factories.UserFactory(role="member")
        db.session.commit()
        _t, first = create_token(user, "busy")
        _t, second = create_token(user, "quiet")
        client = limited.test_client()
        answers = [_get(client, "/api/v1/acts", first).status_code for _ in range(4)]
        assert answers == [200, 200, 200, 429]
        refused = _get(client, "/api/v1/acts", first)
        assert refused.mimetype == "application/problem+json"
        assert refused.headers.get("Retry-After")
        assert _get(client, "/api/v1/acts", second).status_code == 200
        db.session.remove()
        db.engine.dispose()


@pytest.mark.parametrize(
    "path", ["key-messages", "reports", "outcomes", "actions", "matrix", "positions"]
)
def test_an_endpoint_runs_as_many_queries_whatever_the_data(client, login_as, count_queries, path):
    act = factories.ActFactory(number=3)
    _t, secret = create_token(login_as("observer"), "counts")

    def grow(n: int) -> None:
        for _ in range(n):
            message = factories.KeyMessageFactory(report__act=act)
            factories.publish(message)
            report = factories.ReportFactory(act=act, status="accepted")
            factories.publish(report)
            action = factories.ActionFactory(act=act)
            factories.publish(action)
            factories.publish(factories.TableOutcomeFactory(act=act))
            factories.publish(factories.RoundPositionFactory(act=act))
        db.session.commit()

    def counted() -> int:
        with count_queries() as counter:
            assert _get(client, f"/api/v1/{path}", secret).status_code == 200
        return counter.count

    grow(2)
    counted()  # the token's first use is written down; later ones within the hour are not
    small = counted()
    grow(6)
    assert counted() == small


def test_positions_read_as_published_and_filtered_like_the_list(client, login_as):
    act = factories.ActFactory(number=4)
    mexico = factories.GovernmentFactory(name="Mexico", iso_code="MX")
    group = factories.GovernmentFactory(name="African Group", kind="group")
    shared = factories.RoundPositionFactory(
        act=act, government=mexico, stand="amends", amendment="ensure access", note="private note"
    )
    factories.publish(shared)
    factories.RoundPositionFactory(act=act, government=group, stand="opposes")
    _t, member = create_token(login_as("member"), "member")
    _t, observer = create_token(login_as("observer"), "observer")
    everything = _get(client, "/api/v1/positions?act=4", member).json["items"]
    assert {(p["government"], p["stand"]) for p in everything} == {
        ("Mexico", "amends"),
        ("African Group", "opposes"),
    }
    mine = _get(client, f"/api/v1/positions?government={group.id}", member).json["items"]
    assert [p["government"] for p in mine] == ["African Group"]
    published = _get(client, "/api/v1/positions", observer)
    assert [p["id"] for p in published.json["items"]] == [shared.id]
    assert "private note" not in published.get_data(as_text=True)
