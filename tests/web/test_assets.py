"""Static files for a weak network: hashed names, gzip and Brotli, cached for good, CSP-clean."""

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from tests import factories
from tests.conftest import IsolatedClient, database_url, make_config
from tests.core.test_security import check_security_headers, inline_code
from tracker import create_app
from tracker.core.extensions import db as _db
from tracker.web import assets

LINKED = re.compile(r'(?:href|src)="(/static/[^"]+)"')
FAR_FUTURE = 365 * 24 * 60 * 60


@pytest.fixture(scope="module")
def built_static(tmp_path_factory) -> Path:
    """A copy of static/ built as `make install` builds it."""
    folder = tmp_path_factory.mktemp("assets") / "static"
    shutil.copytree(
        assets.STATIC_DIR,
        folder,
        ignore=lambda _dir, names: (
            [n for n in names if assets.HASHED_NAME.search(n)]
            + [n for n in names if n.endswith((".gz", ".br")) or n == "cache_manifest.json"]
        ),
    )
    assets.build(folder)
    return folder


@pytest.fixture
def static_app(database_dir: Path, built_static: Path) -> Iterator[Flask]:
    app = create_app(make_config(database_url(database_dir), STATIC_FOLDER=str(built_static)))
    app.test_client_class = IsolatedClient
    yield app
    with app.app_context():
        _db.session.remove()
        _db.engine.dispose()


def fetch(client, url: str, accept: str = ""):
    """The response with its body read and its file closed (WhiteNoise streams a file)."""
    with client.get(url, headers={"Accept-Encoding": accept}) as response:
        response.get_data()
    return response


def linked_files(html: str) -> list[str]:
    return LINKED.findall(html)


def max_age(cache_control: str) -> int:
    found = re.search(r"max-age=(\d+)", cache_control)
    assert found, cache_control
    return int(found.group(1))


def test_the_build_writes_hashed_gzip_and_brotli_copies(built_static):
    css = built_static / "vendor" / "bootstrap"
    hashed = [p for p in css.iterdir() if assets.HASHED_NAME.search(p.name)]
    names = {p.name for p in hashed}
    assert any(n.startswith("bootstrap.min-") and n.endswith(".css") for n in names)
    assert any(n.startswith("bootstrap.min-") and n.endswith(".js") for n in names)
    assert any(n.endswith(".css.br") for n in names)
    assert any(n.endswith(".css.gz") for n in names)
    assert (built_static / "cache_manifest.json").is_file()


def test_pages_link_bootstrap_and_the_app_css_under_hashed_names(static_app):
    html = static_app.test_client().get("/sign-in").get_data(as_text=True)
    linked = linked_files(html)
    assert {Path(url).suffix for url in linked} >= {".css", ".js", ".svg"}
    assert any("/vendor/bootstrap/bootstrap.min-" in url and url.endswith(".css") for url in linked)
    assert any("/vendor/bootstrap/bootstrap.min-" in url and url.endswith(".js") for url in linked)
    assert any("/css/app-" in url for url in linked)
    for url in linked:
        assert assets.HASHED_NAME.search(url), url
    # Nothing served from elsewhere: the app works offline on the venue's network.
    assert "cdn" not in html.lower()


@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_hashed_files_come_compressed_and_cached_for_good(static_app, accept, encoding):
    client = static_app.test_client()
    for url in linked_files(client.get("/sign-in").get_data(as_text=True)):
        if url.endswith(".svg"):
            continue
        response = fetch(client, url, accept)
        assert response.status_code == 200, url
        assert response.headers["Content-Encoding"] == encoding, url
        assert "Accept-Encoding" in response.headers["Vary"], url
        cache_control = response.headers["Cache-Control"]
        assert "immutable" in cache_control, url
        assert "public" in cache_control, url
        assert max_age(cache_control) >= FAR_FUTURE, url
        check_security_headers(response)


def test_compressed_bootstrap_is_a_fraction_of_the_plain_one(static_app):
    client = static_app.test_client()
    html = client.get("/sign-in").get_data(as_text=True)
    url = next(u for u in linked_files(html) if "bootstrap.min-" in u and u.endswith(".css"))
    plain = fetch(client, url)
    brotli = fetch(client, url, "br")
    assert "Content-Encoding" not in plain.headers
    assert len(brotli.data) * 5 < len(plain.data)


def test_plain_names_still_work_but_are_not_cached_for_good(static_app):
    response = fetch(static_app.test_client(), "/static/css/app.css")
    assert response.status_code == 200
    cache_control = response.headers["Cache-Control"]
    assert "immutable" not in cache_control
    assert max_age(cache_control) <= assets.PLAIN_MAX_AGE
    check_security_headers(response)


def test_a_missing_static_file_is_a_404(static_app):
    assert fetch(static_app.test_client(), "/static/css/none-such.css").status_code == 404


def test_signed_in_pages_link_hashed_names_and_stay_csp_clean(static_app, demo):
    user = factories.UserFactory(role="member")
    _db.session.commit()
    client = static_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
    for url in ("/dashboard", "/agenda", "/acts/1", "/drafts"):
        response = client.get(url)
        assert response.status_code == 200, url
        check_security_headers(response)
        html = response.get_data(as_text=True)
        assert inline_code(html) == [], url
        assert all(assets.HASHED_NAME.search(u) for u in linked_files(html)), url
