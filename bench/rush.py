"""`make bench`, the venue rush: two hundred people open the same page when a session starts.

For the demo workspace and the large data set, each main page as a member and as an observer:
- the rush: wrk with 200 connections (2 s timeout), then the bare Flask route on the same
  gunicorn settings for as long, in the same minute; req/s, share of the bare route,
  p50/p95/p99, timeouts, other errors;
- warm at 8 connections (the large data set), against the bare route at 8 connections;
- the first view after a write, single user (a member comments on an action, then the page is
  read once): p50 of BENCH_WRITES tries;
- the page's HTML size, and its SQL queries (X-Query-Count) after a write and from the cache.

The server is gunicorn.conf.py as deployed (its workers: 2 x cores + 1, at most 12) unless
BENCH_WORKERS is set; BENCH_THREADS > 1 runs threaded workers (gthread). On PostgreSQL:
DATABASE_URL (the large data set) and BENCH_DEMO_DATABASE_URL (the demo), both created empty.
Environment: BENCH_DURATION (seconds per measure, default 8), BENCH_SCALES (demo,large),
BENCH_PAGES, BENCH_ROLES (member,observer), BENCH_WRITES (default 7).
Prints tables; writes bench/results/rush-<time>-<engine>-<workers>.json.
"""

import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from run import (
    BIN,
    CACHE,
    RESULTS,
    ROOT,
    _ids,
    fetch,
    fingerprint,
    flask,
    free_port,
    session_cookie,
    sign_in,
    sqlite_data_set,
    wait_until_up,
)

RUSH_CONNECTIONS, WARM_CONNECTIONS, TIMEOUT = 200, 8, "2s"
TARGETS = {"rush_share": 0.20, "rush_p99_ms": 1000, "warm_share": 0.25, "write_p50_ms": 50}
TARGET_QUERIES = 15
PAGES = {
    "agenda": "/agenda",
    "dashboard": "/dashboard",
    "ACT page": "/acts/{act}",
    "latest draft": "/drafts/{draft}",
    "matrix": "/drafts/matrix",
    "search": "/search?q=detention",
    "brief": "/acts/{act}/brief",
    "actions": "/actions",
}


def _list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- data and servers -------------------------------------------------------------------------


def demo_data_set(env: dict) -> str:
    """The demo workspace (`flask demo`), on PostgreSQL when BENCH_DEMO_DATABASE_URL is set."""
    url = os.environ.get("BENCH_DEMO_DATABASE_URL")
    if url:
        flask({**env, "DATABASE_URL": url}, "db", "upgrade")
        flask({**env, "DATABASE_URL": url}, "demo", "--if-empty")
        return url
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"demo-{fingerprint()}.db"
    if not cached.exists():
        for old in CACHE.glob("demo-*.db"):
            old.unlink()
        building = CACHE / "demo.building"
        building.unlink(missing_ok=True)
        flask({**env, "DATABASE_URL": f"sqlite:///{building}"}, "db", "upgrade")
        flask({**env, "DATABASE_URL": f"sqlite:///{building}"}, "demo")
        building.rename(cached)
    working = CACHE / "run-demo.db"
    for leftover in CACHE.glob(working.name + "*"):
        leftover.unlink()
    shutil.copyfile(cached, working)
    return f"sqlite:///{working}"


def large_data_set(env: dict) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return sqlite_data_set("large", env)
    flask({**env, "DATABASE_URL": url}, "db", "upgrade")
    if _ids(url, env)["session"] is None:
        flask({**env, "DATABASE_URL": url}, "bench-data", "--scale", "large", "--seed", "1")
    return url


def server_settings() -> dict:
    settings = {"GUNICORN_THREADS": os.environ.get("BENCH_THREADS", "1")}
    if os.environ.get("BENCH_WORKERS"):
        settings["WEB_CONCURRENCY"] = os.environ["BENCH_WORKERS"]
    return settings


@contextmanager
def gunicorn(app: str, env: dict, log_name: str, *extra: str):
    """gunicorn.conf.py as deployed (the same settings for the app and the bare route)."""
    port = free_port()
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / log_name, "w") as log:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), *extra, app],
            env={
                **env,
                **server_settings(),
                "BIND": f"127.0.0.1:{port}",
                "GUNICORN_LOG_LEVEL": "warning",
            },
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


# --- measuring --------------------------------------------------------------------------------


def wrk(port: int, path: str, cookie: str, connections: int, seconds: int) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={TIMEOUT}"]
    command += ["--latency", "-s", str(ROOT / "bench" / "wrk.lua")]
    command.append(f"http://127.0.0.1:{port}{path}")
    out = subprocess.run(
        command, env={**os.environ, "BENCH_COOKIE": cookie}, capture_output=True, text=True
    )
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode or not line:
        raise RuntimeError(f"wrk failed on {path}: {out.stderr or out.stdout}")
    # Requests wrk left queued still run: let them drain before the next measure.
    time.sleep(1)
    result = json.loads(line[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def summary(page: dict, bare: dict) -> dict:
    return {
        "rps": round(page["rps"], 1),
        "share": round(page["rps"] / bare["rps"], 3),
        "bare_rps": round(bare["rps"], 1),
        "p50_ms": round(page["p50_us"] / 1000, 1),
        "p95_ms": round(page["p95_us"] / 1000, 1),
        "p99_ms": round(page["p99_us"] / 1000, 1),
        "timeouts": page["timeouts"],
        "errors": page["status_errors"] + page["socket_errors"] - page["timeouts"],
    }


class Writer:
    """A member who comments on an action: a write every page may show (recent activity,
    the action's log), so the next view of any page is rendered afresh."""

    def __init__(self, port: int, cookie: str, action: int) -> None:
        self.port, self.cookie, self.action = port, cookie, action
        status, headers, html = fetch(port, "GET", f"/actions/{action}", cookie)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
        if status != 200 or token is None:
            raise RuntimeError(f"the writer cannot read action {action} ({status})")
        self.token = token.group(1)
        self.cookie = session_cookie(headers) or cookie

    def write(self) -> None:
        body = {"csrf_token": self.token, "body": f"Seen at the venue {secrets.token_hex(4)}"}
        status, _, _ = fetch(
            self.port, "POST", f"/actions/{self.action}/comments", self.cookie, body
        )
        if status not in (302, 303):
            raise RuntimeError(f"the writer's comment answered {status}")


def after_writes(port: int, writer: Writer, path: str, cookie: str, times: int) -> dict:
    """Single user: a write, then the page once, `times` over."""
    took, queries = [], set()
    for _ in range(times):
        writer.write()
        started = time.perf_counter()
        _status, headers, _ = fetch(port, "GET", path, cookie)
        took.append((time.perf_counter() - started) * 1000)
        queries.add(int(headers.get("X-Query-Count", -1)))
    return {"p50_ms": round(statistics.median(took), 1), "queries": max(queries)}


def page_facts(port: int, path: str, cookie: str) -> dict:
    """HTML size and the queries of a view from the cache (once every worker holds it)."""
    counts = []
    for _ in range(12):
        status, headers, html = fetch(port, "GET", path, cookie)
        counts.append(int(headers.get("X-Query-Count", -1)))
    return {
        "status": status,
        "html_kb": round(len(html.encode()) / 1024, 1),
        "cached_queries": min(counts),
    }


def scale_run(scale: str, url: str, env: dict, seconds: int) -> list[dict]:
    from tracker.data.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    ids = _ids(url, env)
    emails = {str(role): email for email, _name, role, _org in DEMO_ACCOUNTS}
    roles = _list("BENCH_ROLES", "member,observer")
    names = _list("BENCH_PAGES", ",".join(PAGES))
    writes = int(os.environ.get("BENCH_WRITES", "7"))
    app_env = {**env, "DATABASE_URL": url}
    rows = []
    with (
        gunicorn("wsgi:app", app_env, f"rush-{scale}.log") as port,
        gunicorn("ceiling:app", env, f"rush-{scale}-bare.log", "--pythonpath", "bench") as bare,
    ):
        cookies = {role: sign_in(port, emails[role], DEMO_PASSWORD) for role in roles}
        writer = Writer(port, sign_in(port, emails["member"], DEMO_PASSWORD), ids["action"])
        for name in names:
            path = PAGES[name].format(**ids)
            for role in roles:
                row = {"scale": scale, "page": name, "role": role, "path": path}
                row.update(page_facts(port, path, cookies[role]))
                if row["status"] != 200:
                    print(f"skip   {scale:<6} {name:<13} {role:<9} answers {row['status']}")
                    continue
                fresh = after_writes(port, writer, path, cookies[role], writes)
                row["after_write_p50_ms"] = fresh["p50_ms"]
                row["fresh_queries"] = fresh["queries"]
                row["rush"] = summary(
                    wrk(port, path, cookies[role], RUSH_CONNECTIONS, seconds),
                    wrk(bare, "/", "", RUSH_CONNECTIONS, seconds),
                )
                if scale == "large":
                    row["warm8"] = summary(
                        wrk(port, path, cookies[role], WARM_CONNECTIONS, seconds),
                        wrk(bare, "/", "", WARM_CONNECTIONS, seconds),
                    )
                row["misses"] = misses(row)
                rows.append(row)
                print(format_row(row), flush=True)
    return rows


def misses(row: dict) -> list[str]:
    found = []
    rush, warm = row["rush"], row.get("warm8")
    if row["scale"] == "demo":
        if rush["share"] < TARGETS["rush_share"]:
            found.append(f"rush share<{TARGETS['rush_share']:.0%}")
        if rush["p99_ms"] > TARGETS["rush_p99_ms"]:
            found.append("rush p99>1s")
        if rush["timeouts"]:
            found.append("timeouts")
    if warm is not None and warm["share"] < TARGETS["warm_share"]:
        found.append(f"warm share<{TARGETS['warm_share']:.0%}")
    if row["scale"] == "large" and row["after_write_p50_ms"] > TARGETS["write_p50_ms"]:
        found.append("after-write p50>50ms")
    if max(row["fresh_queries"], row["cached_queries"]) > TARGET_QUERIES:
        found.append(f"queries>{TARGET_QUERIES}")
    return found


HEADER = (
    f"{'scale':<6} {'page':<13} {'role':<9} {'rush/s':>7} {'share':>6} {'p50':>6} {'p95':>6} "
    f"{'p99':>6} {'t/o':>4} {'8c/s':>7} {'8c sh':>6} {'wr p50':>7} {'KB':>6} {'q':>6}  verdict"
)


def format_row(row: dict) -> str:
    rush, warm = row["rush"], row.get("warm8") or {"rps": 0.0, "share": 0.0}
    return (
        f"{row['scale']:<6} {row['page']:<13} {row['role']:<9} {rush['rps']:>7.0f} "
        f"{rush['share']:>6.1%} {rush['p50_ms']:>6.0f} {rush['p95_ms']:>6.0f} "
        f"{rush['p99_ms']:>6.0f} {rush['timeouts']:>4} {warm['rps']:>7.0f} {warm['share']:>6.1%} "
        f"{row['after_write_p50_ms']:>7.1f} {row['html_kb']:>6.1f} "
        f"{row['fresh_queries']:>3}/{row['cached_queries']:<2}  {', '.join(row['misses']) or 'ok'}"
    )


def main() -> int:
    seconds = int(os.environ.get("BENCH_DURATION", "8"))
    env = {
        **os.environ,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
        "SHOW_QUERY_COUNT": "1",
        "TRACKER_TODAY": os.environ.get("TRACKER_TODAY", "2018-03-20"),
        "FLASK_DEBUG": "0",
    }
    engine = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    threads = int(os.environ.get("BENCH_THREADS", "1"))
    model = f"gthread{threads}" if threads > 1 else "sync"
    if os.environ.get("CACHE_TYPE") == "NullCache":
        model += "-nocache"  # the app without its render cache
    started = time.monotonic()
    rows = []
    for scale in _list("BENCH_SCALES", "demo,large"):
        url = demo_data_set(env) if scale == "demo" else large_data_set(env)
        rows += scale_run(scale, url, env, seconds)
    print(f"\nVenue rush, {engine}, {model} workers, {os.cpu_count()} cores:")
    print(HEADER)
    for row in rows:
        print(format_row(row))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    document = {
        "at": stamp,
        "database": engine,
        "workers": model,
        "cache": os.environ.get("CACHE_TYPE", "default"),
        "server": "gunicorn -c gunicorn.conf.py " + json.dumps(server_settings()),
        "cpus": os.cpu_count(),
        "load": f"wrk -t2 -c{RUSH_CONNECTIONS} --timeout {TIMEOUT} -d{seconds}s; warm -c8",
        "targets": {**TARGETS, "queries": TARGET_QUERIES},
        "seconds": round(time.monotonic() - started),
        "pages": rows,
    }
    path = RESULTS / f"rush-{stamp}-{engine}-{model}.json"
    path.write_text(json.dumps(document, indent=2))
    print(f"\nWrote {path.relative_to(ROOT)}.")
    return 0 if not any(row["misses"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
