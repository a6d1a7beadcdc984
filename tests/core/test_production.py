"""The production setup: gunicorn's settings, the served app, the health check, pooling."""

import multiprocessing
import runpy

from sqlalchemy import text

from tests.conftest import make_config
from tests.core.live_server import ROOT, Browser, live_server
from tracker import create_app
from tracker.core.extensions import db


def settings(monkeypatch, **env: str) -> dict:
    for name in ("BIND", "WEB_CONCURRENCY", "GUNICORN_THREADS", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_defaults_suit_one_machine(monkeypatch):
    conf = settings(monkeypatch)
    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["workers"] == min(2 * multiprocessing.cpu_count() + 1, 12)
    assert conf["preload_app"] is False
    assert conf["accesslog"] == "-"
    assert conf["errorlog"] == "-"
    assert 0 < conf["timeout"] <= 60


def test_gunicorn_reads_the_environment(monkeypatch):
    conf = settings(
        monkeypatch, BIND="0.0.0.0:8080", WEB_CONCURRENCY="3", FORWARDED_ALLOW_IPS="10.0.0.2"
    )
    assert (conf["bind"], conf["workers"], conf["forwarded_allow_ips"]) == (
        "0.0.0.0:8080",
        3,
        "10.0.0.2",
    )


def test_the_served_app_answers_health_checks_and_logs_access(app):
    url = db.engine.url.render_as_string(hide_password=False)
    with live_server(url) as server:
        browser = Browser(server.port)
        health = browser.get("/healthz")
        sign_in = browser.get("/sign-in")
        log = server.log
    assert health.status == 200
    assert '"ok"' in health.text
    assert sign_in.status == 200
    assert "X-Query-Count" not in sign_in.headers
    assert "Set-Cookie" in sign_in.headers
    assert "HttpOnly" in sign_in.headers["Set-Cookie"]
    assert '"GET /healthz HTTP/1.1" 200' in log


def test_health_check_answers_503_without_a_database(tmp_path):
    app = create_app(make_config(f"sqlite:///{tmp_path / 'missing' / 'tracker.db'}"))
    try:
        response = app.test_client().get("/healthz")
    finally:
        with app.app_context():
            db.engine.dispose()
    assert response.status_code == 503


def test_postgresql_connections_are_checked_and_pooled_per_worker():
    app = create_app(make_config("postgresql+psycopg://tracker@127.0.0.1:1/tracker"))
    with app.app_context():
        options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
        pool = db.engine.pool
        try:
            assert options["pool_pre_ping"] is True
            assert pool._pre_ping is True
            # Sync workers use one connection each; a few spare, never dozens per worker.
            assert pool.size() + pool._max_overflow <= 10
        finally:
            db.engine.dispose()


def test_the_database_in_use_answers(db):
    assert db.session.execute(text("SELECT 1")).scalar() == 1
