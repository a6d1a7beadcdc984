"""Conventions every page keeps, checked on every page a coordinator or an admin can open:
selects look like selects, date fields carry no format hint that the browser's picker
contradicts, and dates are written one way (through Babel), never as ISO strings."""

import re
from pathlib import Path

import pytest

from tests.access import Route, World, declared_routes
from tests.pages import text_of

ROOT = Path(__file__).resolve().parents[2]
ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
PAGES = [
    route
    for route in declared_routes()
    if route.method == "GET"
    and "admin" in route.allowed
    and not route.endpoint.endswith(("export_csv", "feed", "ical", "brief_markdown", "healthz"))
]


def visible_text(html: str) -> str:
    body = html.split("<body>", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return text_of(body)


@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.endpoint)
def test_every_page_keeps_the_conventions(client, login_as, route: Route):
    world = World()
    login_as(world.users["admin"])
    response = client.get(route.url(world))
    if response.status_code != 200 or response.mimetype != "text/html":
        pytest.skip(f"{route.endpoint} answers {response.status_code} {response.mimetype}")
    html = response.get_data(as_text=True)
    for select in re.findall(r"<select\b[^>]*>", html):
        assert "form-select" in select, f"a select styled as a text field: {select}"
    for date_input in re.findall(r'<input\b[^>]*type="date"[^>]*>', html):
        assert "placeholder" not in date_input, date_input
    text = visible_text(html)
    assert "YYYY" not in text, "a date hint the browser's date picker contradicts"
    iso = ISO_DATE.search(text)
    assert iso is None, f"a date shown as {iso.group(0)!r}: use format_date"


def test_templates_show_no_raw_dates_or_times():
    """isoformat() and strftime() only inside machine-readable attributes (datetime=...)."""
    offending = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            shown = re.sub(r'datetime="\{\{[^}]*\}\}"', "", line)
            if ".isoformat()" in shown or "strftime(" in shown:
                offending.append(f"{template.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offending == []


# Python modules where an ISO date is meant for machines: CSV and iCalendar exports, file
# names, stored snapshots, the clock's settings.
MACHINE_DATES = {
    "tracker/actions/exports.py",
    "tracker/actions/views.py",
    "tracker/records/publishing.py",
    "tracker/core/clock.py",
    "tracker/core/backup.py",
    # Files read by programs: agenda CSV and iCalendar, spreadsheets, the audit CSV, the API's
    # Markdown draft, position and lobby exports; keys, form values and cache keys.
    "tracker/agenda/calendar_import.py",
    "tracker/agenda/exporting.py",
    "tracker/agenda/manage.py",
    "tracker/core/spreadsheets.py",
    "tracker/audit/services.py",
    "tracker/audit/forms.py",
    "tracker/audit/views.py",
    "tracker/api/exports.py",
    "tracker/positions/views.py",
    "tracker/thread/lobby.py",
    "tracker/thread/cache.py",
    "tracker/process/services.py",
    "tracker/records/archiving.py",
}


def test_python_code_formats_shown_dates_through_babel():
    offending = [
        f"{path.relative_to(ROOT)}"
        for path in sorted((ROOT / "tracker").rglob("*.py"))
        if str(path.relative_to(ROOT)) not in MACHINE_DATES
        and "/bench/" not in str(path)
        and re.search(r"\.isoformat\(\)|\.strftime\(", path.read_text(encoding="utf-8"))
    ]
    assert offending == []
