"""Real headless-Chromium tests against a live server.

`live_server` is the base URL of the app served by Werkzeug in a thread, on its own SQLite
file with the demo loaded and CSRF on (as in production). `page` is a fresh browser tab;
`open_page(**context_options)` opens more
(a phone viewport, a second person). Console errors are collected in `page.console_errors`;
a Content Security Policy violation fails the test that caused it. Mark browser test modules with
`pytestmark = pytest.mark.browser`.

Without /usr/bin/chromium these tests are skipped, unless TRACKER_REQUIRE_BROWSER=1.
"""

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_config
from tracker import create_app
from tracker.core.extensions import db

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def _no_browser(reason: str):
    if os.environ.get("TRACKER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (TRACKER_REQUIRE_BROWSER=1 requires the browser tests to run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="tracker-browser-") as directory:
        url = f"sqlite:///{Path(directory) / 'browser.db'}"
        app = create_app(make_config(url, WTF_CSRF_ENABLED=True))
        with app.app_context():
            from tracker.data.demo import load_demo

            db.create_all()
            load_demo()
            db.session.remove()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)
            with app.app_context():
                db.engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        _no_browser(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def open_page(browser, live_server) -> Iterator[Callable[..., object]]:
    """`open_page(**context_options)`: a new tab in a fresh browser context (own cookies)."""
    opened = []

    def open_(**options):
        options = {"base_url": live_server, "locale": "en-US", **options}
        context = browser.new_context(**options)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.console_errors = []
        page.on(
            "console",
            lambda message: (
                page.console_errors.append(message.text) if message.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        opened.append((context, page))
        return page

    yield open_
    for context, _page in opened:
        context.close()
    violations = [
        text
        for _context, page in opened
        for text in page.console_errors
        if "Content Security Policy" in text
    ]
    assert violations == [], "the page broke its Content Security Policy"


@pytest.fixture
def page(open_page):
    return open_page()
