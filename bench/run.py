"""`make bench`: the main pages under load on gunicorn, against a bare Flask route (the ceiling).

Builds the large data set once (cached under bench/cache/ on SQLite; into DATABASE_URL when
set), serves the app with gunicorn.conf.py and 2 workers on loopback, signs in as each role
through the real sign-in form, and drives each page with wrk (-t2 -c8) in its own process.
Query counts come from the X-Query-Count header (SHOW_QUERY_COUNT=1), at the small scale and
at the large one. Prints one table and writes bench/results/<time>.json and latest.json.

Environment: BENCH_DURATION (seconds per page and role, default 5), BENCH_ROLES (comma
separated, default every role), BENCH_PAGES (comma separated page names, default every page;
a partial run writes its dated JSON only, not latest.json), BENCH_SMALL_DATABASE_URL (small
scale on PostgreSQL).
"""

import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CACHE = ROOT / "bench" / "cache"
RESULTS = ROOT / "bench" / "results"
CONNECTIONS, THREADS = 8, 2
TARGET_RATIO, TARGET_QUERIES = 0.25, 15
SEED = 1


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # may name a sample id: {act}, {session}, {note}, {report}, {outcome}, {draft}...


# The pages measured; add a line as a feature lands. A path that answers 404 is skipped.
PAGES = [
    Page("dashboard", "/dashboard"),
    Page("ACT page", "/acts/{act}"),
    Page("agenda", "/agenda"),
    Page("session with notes", "/sessions/{session}"),
    Page("note", "/notes/{note}"),
    Page("report", "/reports/{report}"),
    Page("key messages", "/messages"),
    Page("table outcome", "/outcomes/{outcome}"),
    Page("drafts", "/drafts"),
    Page("draft", "/drafts/{draft}"),
    Page("draft changes", "/drafts/{draft}/changes"),
    Page("actions", "/actions"),
    Page("filtered actions", "/actions?act={act}&overdue=y&sort=priority"),
    Page("my actions", "/actions/mine"),
    Page("action", "/actions/{action}"),
    Page("action board", "/actions/board"),
    Page("ACT board", "/actions/board?act={act}"),
    Page("notifications", "/notifications"),
    Page("matrix", "/drafts/matrix"),
    Page("key message story", "/messages/{message}"),
    Page("brief", "/acts/{act}/brief"),
    Page("search", "/search?q=detention"),
]


@dataclass
class Row:
    page: str
    role: str
    path: str
    requests_per_s: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    ratio: float = 0.0
    queries_small: int | None = None
    queries_large: int | None = None
    errors: int = 0
    note: str = ""

    @property
    def misses(self) -> list[str]:
        found = []
        if self.ratio < TARGET_RATIO:
            found.append(f"ratio<{TARGET_RATIO:.0%}")
        if (self.queries_large or 0) > TARGET_QUERIES:
            found.append(f"queries>{TARGET_QUERIES}")
        if self.queries_small != self.queries_large:
            found.append("queries grow")
        if self.errors:
            found.append("errors")
        return found


# --- data -----------------------------------------------------------------------------------


def fingerprint() -> str:
    """Changes when the schema, the generator or the demo changes: the cache is rebuilt."""
    digest = hashlib.sha256()
    for folder, pattern in (
        ("migrations/versions", "*.py"),
        ("tracker/data", "**/*"),
    ):
        for path in sorted((ROOT / folder).glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def flask(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "tracker", *args], env=env, cwd=ROOT, check=True)


def sqlite_data_set(scale: str, env: dict) -> str:
    """A fresh working copy of the cached SQLite data set; its URL."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{scale}-seed{SEED}-{fingerprint()}.db"
    if not cached.exists():
        for old in CACHE.glob(f"{scale}-seed*.db"):
            old.unlink()
        building = cached.with_suffix(".building")
        for leftover in CACHE.glob(building.name + "*"):
            leftover.unlink()
        build_env = {**env, "DATABASE_URL": f"sqlite:///{building}"}
        print(f"Building the {scale} data set into {cached.name} (cached for later runs)...")
        flask(build_env, "db", "upgrade")
        flask(build_env, "bench-data", "--scale", scale, "--seed", str(SEED))
        with closing(sqlite3.connect(building)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute("PRAGMA journal_mode = DELETE")
        building.rename(cached)
    working = CACHE / f"run-{scale}.db"
    for leftover in CACHE.glob(working.name + "*"):
        leftover.unlink()
    shutil.copyfile(cached, working)
    return f"sqlite:///{working}"


def postgres_data_set(url: str, scale: str, env: dict) -> str:
    run_env = {**env, "DATABASE_URL": url}
    flask(run_env, "db", "upgrade")
    if _ids(url, run_env)["session"] is None:
        print(f"Generating the {scale} data set into {url.rsplit('@', 1)[-1]}...")
        flask(run_env, "bench-data", "--scale", scale, "--seed", str(SEED))
    return url


def _ids(url: str, env: dict) -> dict:
    """Sample ids for the page paths, read in a child process (the runner keeps no engine)."""
    code = (
        "import json; from tracker import create_app;"
        "from tracker.data.bench.samples import sample_ids;"
        "app = create_app()\n"
        "with app.app_context(): print(json.dumps(sample_ids()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DATABASE_URL": url},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- serving and signing in -------------------------------------------------------------------


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(app: str, env: dict, log_name: str, *extra: str):
    port = free_port()
    server_env = {**env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"}
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / log_name, "w") as log:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), *extra, app],
            env=server_env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(port, "/healthz" if app == "wsgi:app" else "/")
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)


def wait_until_up(port: int, path: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(port, "GET", path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on port {port}; see {CACHE}/*.log")


def fetch(port: int, method: str, path: str, cookie: str = "", body: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    data = None
    if body is not None:
        data = urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def session_cookie(headers) -> str:
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith("session="):
            return value.split(";", 1)[0]
    return ""


def sign_in(port: int, email: str, password: str) -> str:
    """Sign in through the form, CSRF token and all, as a browser would; the Cookie header."""
    status, headers, html = fetch(port, "GET", "/sign-in")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if status != 200 or token is None:
        raise RuntimeError(f"GET /sign-in answered {status} without a CSRF token")
    form = {"csrf_token": token.group(1), "email": email, "password": password}
    status, headers, _ = fetch(port, "POST", "/sign-in", session_cookie(headers), form)
    cookie = session_cookie(headers)
    if status != 302 or not cookie:
        raise RuntimeError(f"Signing in as {email} answered {status}")
    return cookie


def sign_in_everyone(port: int, roles: list[str]) -> dict[str, str]:
    from tracker.data.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    emails = {str(role): email for email, _name, role, _org in DEMO_ACCOUNTS}
    return {role: sign_in(port, emails[role], DEMO_PASSWORD) for role in roles}


# --- measuring --------------------------------------------------------------------------------


def wrk(port: int, path: str, cookie: str, seconds: int) -> dict:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    command += ["-s", str(ROOT / "bench" / "wrk.lua"), f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(
        command, env={**os.environ, "BENCH_COOKIE": cookie}, capture_output=True, text=True
    )
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode or not line:
        raise RuntimeError(f"wrk failed on {path}: {out.stderr or out.stdout}")
    # wrk stops, but requests it left queued still run: wait for them before the next page.
    fetch(port, "GET", "/healthz")
    result = json.loads(line[-1])
    result["requests_per_s"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def query_counts(port: int, cookies: dict[str, str], paths: dict[str, str]) -> dict:
    """(page, role) -> (status, X-Query-Count) of one request each."""
    counts = {}
    for role, cookie in cookies.items():
        for name, path in paths.items():
            status, headers, _ = fetch(port, "GET", path, cookie)
            counts[name, role] = (status, int(headers.get("X-Query-Count", -1)))
    return counts


def chosen_pages() -> list[Page]:
    names = [n.strip() for n in os.environ.get("BENCH_PAGES", "").split(",") if n.strip()]
    return [page for page in PAGES if not names or page.name in names]


def resolve(ids: dict) -> dict[str, str]:
    paths = {}
    for page in chosen_pages():
        try:
            paths[page.name] = page.path.format(**ids)
        except KeyError:
            print(f"skip   {page.name:<20} no sample for {page.path}")
    return paths


def main() -> int:
    seconds = int(os.environ.get("BENCH_DURATION", "5"))
    roles = os.environ.get("BENCH_ROLES", "admin,coordinator,rapporteur,member,observer")
    roles = [role.strip() for role in roles.split(",") if role.strip()]
    env = {
        **os.environ,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        "SHOW_QUERY_COUNT": "1",
        "TRACKER_TODAY": os.environ.get("TRACKER_TODAY", "2018-03-20"),
        "FLASK_DEBUG": "0",
    }
    large_url = os.environ.get("DATABASE_URL")
    engine = "postgresql" if large_url else "sqlite"
    started = time.monotonic()
    large_url = postgres_data_set(large_url, "large", env) if large_url else None
    large_url = large_url or sqlite_data_set("large", env)
    small_url = os.environ.get("BENCH_SMALL_DATABASE_URL")
    small_url = postgres_data_set(small_url, "small", env) if small_url else None
    small_url = small_url or sqlite_data_set("small", env)

    small_paths = resolve(_ids(small_url, env))
    with gunicorn("wsgi:app", {**env, "DATABASE_URL": small_url}, "gunicorn-small.log") as port:
        small = query_counts(port, sign_in_everyone(port, roles), small_paths)

    with gunicorn("ceiling:app", env, "gunicorn-ceiling.log", "--pythonpath", "bench") as port:
        ceiling = wrk(port, "/", "", max(seconds, 10))
    print(f"ceiling: {ceiling['requests_per_s']:.0f} requests/s (bare Flask route, same gunicorn)")

    rows: list[Row] = []
    large_paths = resolve(_ids(large_url, env))
    with gunicorn("wsgi:app", {**env, "DATABASE_URL": large_url}, "gunicorn-large.log") as port:
        cookies = sign_in_everyone(port, roles)
        large = query_counts(port, cookies, large_paths)
        for name, path in large_paths.items():
            if all(large[name, role][0] == 404 for role in roles):
                print(f"skip   {name:<20} {path} answers 404 (not built yet?)")
                continue
            for role in roles:
                status, count = large[name, role]
                row = Row(name, role, path, queries_large=count)
                row.queries_small = small.get((name, role), (0, None))[1]
                if status != 200:
                    row.note = "forbidden to this role" if status == 403 else f"answers {status}"
                    rows.append(row)
                    continue
                result = wrk(port, path, cookies[role], seconds)
                row.requests_per_s = round(result["requests_per_s"], 1)
                row.p50_ms, row.p95_ms, row.p99_ms = (
                    round(result[key] / 1000, 1) for key in ("p50_us", "p95_us", "p99_us")
                )
                row.ratio = round(row.requests_per_s / ceiling["requests_per_s"], 3)
                row.errors = result["status_errors"] + result["socket_errors"]
                row.note = ", ".join(row.misses) or "ok"
                rows.append(row)
                print(format_row(row))
    print()
    print_table(rows, ceiling)
    write_results(rows, ceiling, engine, seconds, time.monotonic() - started)
    return 0 if all(row.note in ("ok", "forbidden to this role") for row in rows) else 1


def format_row(row: Row) -> str:
    return (
        f"{row.page:<20} {row.role:<12} {row.requests_per_s:>8.1f} {row.p50_ms:>7.1f} "
        f"{row.p95_ms:>7.1f} {row.p99_ms:>7.1f} {row.ratio:>6.0%} "
        f"{row.queries_small!s:>5} {row.queries_large!s:>5}  {row.note}"
    )


def print_table(rows: list[Row], ceiling: dict) -> None:
    print(
        f"{'page':<20} {'role':<12} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'ratio':>6} {'q@S':>5} {'q@L':>5}  verdict"
    )
    print(
        f"{'(ceiling)':<20} {'-':<12} {ceiling['requests_per_s']:>8.1f} "
        f"{ceiling['p50_us'] / 1000:>7.1f} {ceiling['p95_us'] / 1000:>7.1f} "
        f"{ceiling['p99_us'] / 1000:>7.1f} {1:>6.0%}"
    )
    for row in rows:
        print(format_row(row))


def write_results(rows: list[Row], ceiling: dict, engine: str, seconds: int, took: float) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    document = {
        "at": stamp,
        "database": engine,
        "scale": "large",
        "seed": SEED,
        "load": f"wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s (ceiling -d{max(seconds, 10)}s)",
        "server": "gunicorn -c gunicorn.conf.py, 2 sync workers, 127.0.0.1",
        "targets": {"ratio": TARGET_RATIO, "queries": TARGET_QUERIES},
        "cpus": os.cpu_count(),
        "seconds": round(took),
        "ceiling": ceiling,
        "pages": [{**asdict(row), "misses": row.misses} for row in rows],
    }
    text = json.dumps(document, indent=2)
    (RESULTS / f"{stamp}-{engine}.json").write_text(text)
    if len(chosen_pages()) == len(PAGES):
        (RESULTS / "latest.json").write_text(text)
    print(f"\nWrote bench/results/{stamp}-{engine}.json ({took:.0f}s in all).")


if __name__ == "__main__":
    sys.exit(main())
