"""Numbers the database cannot store, wherever a request carries one: in the URL, in a query
argument, in a form field. Each gets a 404, a 400 or the form's own message, never a 5xx.

The cases come from the app itself, so a new route, query argument or form field is covered
without editing this file: every `int` argument of `app.url_map`, every integer query
argument the source reads (and every integer field of a form, which a GET form reads from
the URL), every integer field of the forms a route posts.
"""

import ast
import re
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import NotFound
from wtforms import Form, HiddenField, IntegerField
from wtforms.fields.core import UnboundField
from wtforms.meta import DefaultMeta

from tests.access import Route, World, declared_routes
from tests.factories import MeetingFactory, MeetingSessionFactory
from tracker.agenda.services import ONE_PAGE_ITEMS
from tracker.core.inputs import DB_INT_MAX, NO_RECORD, int_arg, page_arg

TRACKER = Path(__file__).resolve().parents[2] / "tracker"
# The largest PostgreSQL integer, then beyond it, beyond any 64-bit integer (SQLite's), and
# beyond PostgreSQL's bigint.
URL_NUMBERS = (DB_INT_MAX, 2**31, 10**20, 2**63)
QUERY_VALUES = (str(10**20), "-1", "abc")
FORM_NUMBER = str(10**20)
ROLES = ("observer", "coordinator")
# The access matrix's routes, with the data their forms post.
ROUTES = declared_routes()

INT_ARGUMENT = re.compile(r"<int(?:\([^)]*\))?:(\w+)>")
# Where the source reads an integer from the query string.
QUERY_READS = re.compile(
    r"""(?:int_arg|page_arg)\(\s*["'](\w+)["']"""
    r"""|request\.(?:args|values)\.get\(\s*["'](\w+)["']"""
)


def _number_arguments(rule) -> list[str]:
    return INT_ARGUMENT.findall(rule.rule)


def _app_forms() -> list[type[Form]]:
    found, todo = [], [Form]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("tracker."):
            found.append(cls)
    return found


def _is_integer_field(unbound: UnboundField, name: str) -> bool:
    if issubclass(unbound.field_class, (IntegerField, HiddenField)):
        return True
    field = unbound.bind(None, name, _meta=DefaultMeta())
    return getattr(field, "coerce", str) is not str  # a choice of ids or numbers


def form_field_names() -> set[str]:
    """The integer (and hidden) fields of every form of the app."""
    names: set[str] = set()
    for form in _app_forms():
        for name in dir(form):
            unbound = getattr(form, name, None)
            if isinstance(unbound, UnboundField) and _is_integer_field(unbound, name):
                names.add(name)
    return names


def query_argument_names() -> set[str]:
    names = {"page"}  # what a pager adds to any list (Flask-SQLAlchemy reads it too)
    for path in TRACKER.rglob("*.py"):
        for match in QUERY_READS.finditer(path.read_text(encoding="utf-8")):
            names.add(match.group(1) or match.group(2))
    return names | form_field_names()


def _with_query(url: str, **args: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(args)
    return urlunsplit(parts._replace(query=urlencode(query)))


def _routes(method: str, world: World) -> list[tuple[str, Route]]:
    """(url, route) of each route of the matrix with this method, once per URL and data."""
    seen, kept = set(), []
    for route in ROUTES:
        if route.method != method:
            continue
        url = route.url(world)
        key = (url, repr(route.data(world)) if route.data else None)
        if key not in seen:
            seen.add(key)
            kept.append((url, route))
    return kept


def _fails(response) -> bool:
    return response.status_code >= 500


def test_the_cases_are_found(app):
    assert {"page", "act", "day", "from", "owner", "milestone"} <= query_argument_names()
    assert {"version", "paragraph_id", "act_id", "owner_id"} <= form_field_names()
    assert any(_number_arguments(rule) for rule in app.url_map.iter_rules())


@pytest.mark.parametrize("role", ROLES)
def test_numbers_beyond_the_database_in_urls(app, client, login_as, role):
    world = World()
    login_as(world.users[role])
    adapter = app.url_map.bind("localhost")
    failures = []
    for rule in app.url_map.iter_rules():
        numbers = _number_arguments(rule)
        if not numbers:
            continue
        example = next(r for r in ROUTES if r.endpoint == rule.endpoint)
        values = adapter.match(urlsplit(example.url(world)).path, method=example.method)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for name in numbers:
                for number in URL_NUMBERS:
                    url = adapter.build(rule.endpoint, {**values, name: number}, method=method)
                    response = client.open(url, method=method)
                    if _fails(response):
                        failures.append(f"{method} {url}: {response.status_code}")
    assert failures == []


class _RecordingArgs(ImmutableMultiDict):
    """Query arguments that note each name the app looks up."""

    looked_up: ClassVar[set[str]] = set()

    def __contains__(self, key) -> bool:
        self.looked_up.add(key)
        return super().__contains__(key)

    def __getitem__(self, key):
        self.looked_up.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):
        self.looked_up.add(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):
        self.looked_up.add(key)
        return super().getlist(key, type)


def _names_looked_up(client, url: str) -> set[str]:
    _RecordingArgs.looked_up.clear()
    client.get(url)
    return set(_RecordingArgs.looked_up)


@pytest.mark.parametrize("role", ROLES)
def test_integer_query_arguments_out_of_range(app, client, login_as, monkeypatch, role):
    world = World()
    login_as(world.users[role])
    names = query_argument_names()
    recording = type("RecordingRequest", (app.request_class,), {})
    recording.parameter_storage_class = _RecordingArgs
    monkeypatch.setattr(app, "request_class", recording)
    failures = []
    for base, _route in _routes("GET", world):
        # Every name at once; then, one at a time, each name this page looks up (a page
        # may stop at the first bad argument and never read the next).
        cases = [dict.fromkeys(names, value) for value in QUERY_VALUES]
        for name in sorted(_names_looked_up(client, base) & names):
            cases += [{name: value} for value in QUERY_VALUES]
        for case in cases:
            url = _with_query(base, **case)
            response = client.get(url)
            if _fails(response):
                failures.append(f"GET {url}: {response.status_code}")
    assert failures == []


def _numeric(value) -> bool:
    if isinstance(value, list):
        return bool(value) and all(_numeric(v) for v in value)
    return isinstance(value, int) or (isinstance(value, str) and value.isdigit())


@pytest.mark.parametrize("role", ROLES)
def test_integer_form_fields_out_of_range(client, login_as, role):
    world = World()
    login_as(world.users[role])
    fields = form_field_names()
    failures = []
    for url, route in _routes("POST", world):
        login_as(world.users[role])  # again: one of the routes is signing out
        data = route.data(world) if route.data else {}
        # Each number the form carries, one at a time; then every integer field at once.
        cases = [{name: FORM_NUMBER} for name, value in data.items() if _numeric(value)]
        cases.append(dict.fromkeys(fields, FORM_NUMBER))
        for case in cases:
            response = client.post(url, data={**data, **case})
            if _fails(response):
                failures.append(f"POST {url} {sorted(case)}: {response.status_code}")
    assert failures == []


# The helpers themselves -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "default", "expected"),
    [
        ("", None, None),
        ("act=3", None, 3),
        ("act=abc", None, None),
        ("act=abc", 1, 1),
        ("act=-4", None, -4),
        (f"act={DB_INT_MAX}", None, DB_INT_MAX),
        (f"act={DB_INT_MAX + 1}", None, NO_RECORD),
        (f"act={10**20}", 1, NO_RECORD),
        (f"act=-{10**20}", None, NO_RECORD),
    ],
)
def test_an_integer_argument_out_of_range_names_no_record(app, query, default, expected):
    with app.test_request_context(f"/?{query}"):
        assert int_arg("act", default) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", 1), ("page=4", 4), ("page=0", 1), ("page=-2", 1), ("page=x", 1), (f"page={2**31}", 1)],
)
def test_a_page_is_a_page_number_or_the_first(app, query, expected):
    with app.test_request_context(f"/?{query}"):
        assert page_arg() == expected


def test_the_int_converter_stops_at_the_database_integer(app):
    adapter = app.url_map.bind("localhost")
    assert adapter.match(f"/notes/{DB_INT_MAX}")[1] == {"note_id": DB_INT_MAX}
    for number in (DB_INT_MAX + 1, 10**20):
        with pytest.raises(NotFound):
            adapter.match(f"/notes/{number}")


def test_a_long_meetings_day_beyond_the_database_is_no_day(client, login_as):
    meeting = MeetingFactory(slug="long-meeting")
    for n in range(ONE_PAGE_ITEMS + 1):
        MeetingSessionFactory(meeting=meeting, title=f"Item {n}")
    login_as("member")
    assert client.get(f"/meetings/long-meeting?day={10**20}").status_code == 404
    assert client.get("/meetings/long-meeting?day=abc").status_code == 200


def _calls(path: Path, name: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == name:
            yield node


def test_query_integers_are_read_through_the_helpers_only():
    """`request.args.get(..., type=int)` lets any number through, and `db.paginate` without
    `page=` reads `?page=` itself: both would reach the database unbounded."""
    unbounded = []
    for path in TRACKER.rglob("*.py"):
        where = path.relative_to(TRACKER.parent)
        for call in _calls(path, "get"):
            if any(k.arg == "type" for k in call.keywords) and "request." in ast.unparse(call):
                unbounded.append(f"{where}:{call.lineno} {ast.unparse(call)}")
        for call in _calls(path, "paginate"):
            if not any(k.arg == "page" for k in call.keywords):
                unbounded.append(f"{where}:{call.lineno} paginate() without page=")
    assert unbounded == [], "use tracker.inputs.int_arg / page_arg"
