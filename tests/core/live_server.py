"""The real app under gunicorn (gunicorn.conf.py, 2 workers) on a free loopback port, and a
tiny browser for it: cookies, CSRF tokens scraped from forms, nothing else."""

import contextlib
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
SECRET_KEY = "live-server-secret-key-long-enough-for-the-check-0123"


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    port: int
    log_path: Path

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def live_server(database_url: str, **env: str) -> Iterator[LiveServer]:
    """gunicorn serving wsgi:app against `database_url`, killed on the way out."""
    port = free_port()
    server_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "TRACKER_TODAY": "2018-03-20",
        "REDIS_URL": "",
        **env,
    }
    with tempfile.TemporaryDirectory(prefix="tracker-live-") as folder:
        log_path = Path(folder) / "gunicorn.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"), "wsgi:app"],
                cwd=ROOT,
                env=server_env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                server = LiveServer(port, log_path)
                _wait_until_up(server, process)
                yield server
            finally:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _wait_until_up(server: LiveServer, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{server.log}")
        with contextlib.suppress(OSError):
            if Browser(server.port).get("/healthz").status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer:\n{server.log}")


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def csrf_token(self) -> str:
        match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', self.text)
        assert match, f"no CSRF token in a {self.status} page"
        return match.group(1)

    def hidden(self, name: str) -> str:
        match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', self.text)
        assert match, f"no hidden field {name}"
        return match.group(1)


@dataclass
class Browser:
    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, form: dict | None = None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read().decode("utf-8", "replace"))
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict) -> Response:
        return self.request("POST", path, form)

    def sign_in(self, email: str, password: str) -> None:
        token = self.get("/sign-in").csrf_token()
        response = self.post(
            "/sign-in", {"csrf_token": token, "email": email, "password": password}
        )
        assert response.status == 302, f"sign-in answered {response.status}"
