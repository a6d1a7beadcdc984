"""Security from day one: headers, no inline script, CSRF, size limits, error pages, SQLite."""

import re

import pytest
from flask import Flask
from sqlalchemy import event, select, text

from tests.conftest import database_url, make_config
from tests.factories import PASSWORD, UserFactory
from tracker import create_app
from tracker.core.extensions import db
from tracker.records.accounts import User
from tracker.records.agenda import MeetingSession

# ---------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------


def csp_directives(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value.strip()
    return directives


@pytest.mark.parametrize(
    "url", ["/sign-in", "/no-such-page", "/healthz", "/", "/static/css/app.css"]
)
def test_every_response_carries_the_security_headers(client, url):
    with client.get(url) as response:
        check_security_headers(response)


def check_security_headers(response) -> None:
    directives = csp_directives(response)
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    # Nothing loosens the policy for scripts or styles: they fall back to default-src 'self'.
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    for directive in ("script-src", "script-src-elem", "script-src-attr", "style-src"):
        assert directives.get(directive, "'self'") == "'self'", directive
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in {
        "same-origin",
        "strict-origin-when-cross-origin",
        "no-referrer",
    }


def test_signed_in_pages_are_not_cached(client, login_as):
    assert "no-store" not in client.get("/sign-in").headers.get("Cache-Control", "")
    login_as("member")
    for url in ("/dashboard", "/acts", "/account"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/sign-in").headers
    secure = client.get("/sign-in", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


# ---------------------------------------------------------------------------
# No inline script or style anywhere (the CSP would block it)
# ---------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def inline_code(html: str) -> list[str]:
    problems = []
    for name, pattern in [
        ("inline <script>", INLINE_SCRIPT),
        ("event-handler attribute", EVENT_HANDLER),
        ("style attribute", STYLE_ATTRIBUTE),
        ("<style> element", STYLE_ELEMENT),
        ("javascript: URL", JAVASCRIPT_URL),
    ]:
        problems += [f"{name}: {match.group(0)[:120]}" for match in pattern.finditer(html)]
    return problems


def test_the_scanner_sees_inline_code():
    assert inline_code('<p>on=1 style= <a href="/x">x</a></p><script src="/a.js"></script>') == []
    assert len(inline_code('<script>alert(1)</script><b onclick="x()">')) == 2
    assert len(inline_code('<div class="a" style="color:red"><style>p{}</style>')) == 2
    assert len(inline_code('<a href="javascript:void(0)">')) == 1


def pages_to_scan(app: Flask) -> list[str]:
    """Every page without parameters, plus every ACT, meeting and session page."""
    simple = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods
        and not rule.arguments
        and rule.endpoint != "health.healthz"
        and not rule.rule.startswith("/api/")  # JSON, read with a token (tests/api)
    ]
    sessions = db.session.scalars(select(MeetingSession.id)).all()
    assert len(sessions) > 20
    return (
        simple
        + [f"/acts/{number}" for number in range(1, 11)]
        + ["/meetings/puerto-vallarta-2017", "/no-such-page", "/acts/99"]
        + [f"/sessions/{session_id}" for session_id in sessions]
    )


def test_no_page_has_inline_script_or_style(app, client, login_as, demo):
    pages = {}
    pages["signed out /sign-in"] = client.get("/sign-in")
    pages["signed out failed sign-in"] = client.post(
        "/sign-in", data={"email": "x@example.net", "password": "wrong"}
    )
    pages["invalid invitation"] = client.get("/invitation/not-a-token")
    login_as("admin")
    for url in pages_to_scan(app):
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (url, response.status_code)
        pages[url] = response
    pages["invitation shown"] = client.post(
        "/admin/users/invite",
        data={
            "invite-name": "N",
            "invite-email": "n@example.net",
            "invite-role": "member",
            "invite-organization_id": "0",
        },
    )
    pages["form errors"] = client.post("/admin/users/invite", data={})
    pages["account form errors"] = client.post("/account", data={"password-submit": "x"})
    login_as("observer")
    pages["403"] = client.get("/admin/users")
    found = {
        url: problems
        for url, response in pages.items()
        if response.mimetype == "text/html"
        for problems in [inline_code(response.get_data(as_text=True))]
        if problems
    }
    assert found == {}
    assert sum(response.mimetype == "text/html" for response in pages.values()) >= 15


# ---------------------------------------------------------------------------
# CSRF: a real app with CSRF on, as in production
# ---------------------------------------------------------------------------

CSRF_MESSAGE = "The form expired or was not sent from this site."


def csrf_token_of(html: str) -> str:
    match = re.search(r'<input [^>]*name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the form carries a CSRF token"
    return match.group(1)


def test_sign_in_without_csrf_token_is_refused(csrf_app):
    UserFactory(email="ana@example.net")
    client = csrf_app.test_client()
    response = client.post("/sign-in", data={"email": "ana@example.net", "password": PASSWORD})
    assert response.status_code == 400
    assert CSRF_MESSAGE in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_sign_in_with_the_forms_csrf_token_works(csrf_app):
    UserFactory(email="ana@example.net")
    client = csrf_app.test_client()
    token = csrf_token_of(client.get("/sign-in").get_data(as_text=True))
    wrong = client.post(
        "/sign-in",
        data={"email": "ana@example.net", "password": PASSWORD, "csrf_token": token + "x"},
    )
    assert wrong.status_code == 400
    response = client.post(
        "/sign-in", data={"email": "ana@example.net", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"


def test_sign_out_without_csrf_token_is_refused(csrf_app):
    user = UserFactory(email="ana@example.net")
    db.session.commit()
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
    response = client.post("/sign-out")
    assert response.status_code == 400
    assert CSRF_MESSAGE in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 200  # still signed in
    token = csrf_token_of(client.get("/dashboard").get_data(as_text=True))
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_admin_actions_without_csrf_token_are_refused(csrf_app):
    admin = UserFactory(role="admin")
    member = UserFactory(role="member")
    db.session.commit()
    client = csrf_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = admin.session_token
    assert client.post(f"/admin/users/{member.id}/deactivate").status_code == 400
    assert (
        client.post(f"/admin/users/{member.id}/role", data={"role": "observer"}).status_code == 400
    )
    db.session.expire_all()
    member = db.session.get(User, member.id)
    assert (member.active, member.role) == (True, "member")


# ---------------------------------------------------------------------------
# Limits, error pages, health
# ---------------------------------------------------------------------------


def test_a_request_larger_than_the_limit_answers_413(app, client):
    limit = app.config["MAX_CONTENT_LENGTH"]
    assert limit <= 16 * 1024 * 1024
    response = client.post(
        "/sign-in", data={"email": "a@example.net", "password": "x" * (limit + 1)}
    )
    assert response.status_code == 413
    assert "What you sent is too large." in response.get_data(as_text=True)


def test_404_page_is_the_apps_own(client, login_as):
    login_as("member")
    response = client.get("/no-such-page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "There is nothing at this address" in html
    assert "Advocacy tracker" in html  # the app's layout, not Werkzeug's page
    assert "Back to the dashboard" in html


def test_403_page_is_the_apps_own(client, login_as):
    login_as("member")
    response = client.get("/admin/users")
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "Your role does not allow this." in html
    assert "Advocacy tracker" in html


def test_500_page_is_the_apps_own_and_shows_no_trace(database_dir, caplog):
    broken = create_app(make_config(database_url(database_dir)))

    @broken.get("/explode")
    def explode():
        raise RuntimeError("secret internals")

    try:
        response = broken.test_client().get("/explode")
        assert response.status_code == 500
        html = response.get_data(as_text=True)
        assert "Something went wrong" in html
        assert "secret internals" not in html
        assert "Traceback" not in html
        assert "secret internals" in caplog.text  # but it is logged
    finally:
        with broken.app_context():
            db.engine.dispose()


def test_health_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


# ---------------------------------------------------------------------------
# SQLite under several workers
# ---------------------------------------------------------------------------


@pytest.fixture
def sqlite_only():
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite connection settings; this run uses " + db.engine.dialect.name)


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_only):
    def pragma(name):
        return db.session.execute(text(f"PRAGMA {name}")).scalar()

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 10000


def test_sqlite_post_requests_take_the_write_lock_up_front(sqlite_only, client):
    UserFactory(email="ana@example.net")
    db.session.commit()
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        client.get("/sign-in")
        reads = list(statements)
        statements.clear()
        client.post("/sign-in", data={"email": "ana@example.net", "password": PASSWORD})
        writes = list(statements)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert "BEGIN IMMEDIATE" not in reads
    assert writes[0] == "BEGIN IMMEDIATE"
    assert "BEGIN" not in writes
