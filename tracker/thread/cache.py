"""The render cache: each main page rendered once per audience, locale, day and version of the
workspace, then served to every reader of that audience with their own shell around it.

Why it cannot leak:
- the shared part is rendered with the signed-in reader replaced by a stand-in of the same
  role (`AudienceReader`: no id, no name), so nothing of one person can enter it; the
  visibility filter and the Chatham House redaction run as for any reader of that role,
  before the page is stored;
- it is keyed by the audience (`policy.audience`: the role), the locale, the workspace's
  today and version, the endpoint and every argument of the request;
- the person's own parts (navigation bar with name, unread count and the sign-out form's CSRF
  token, flash messages, "my actions") are marked in the shared page and rendered for the
  reader on every request (`personal`).

Why it is never stale: the version (tracker.records.workspace) changes in the same
transaction as any write a page could show, and every request reads it first.

A cached page's permission checks depend only on the role and the arguments, which the key
holds: a page stored for a key was allowed for that key. Anything that is not a plain
rendered page (a redirect, an error) is answered as usual and not stored.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from flask import Flask, current_app, g, render_template, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from tracker.core.clock import today
from tracker.core.extensions import cache, db
from tracker.records import policy
from tracker.records.workspace import current_version

# The person's own parts of a page: name -> what renders it for the signed-in reader.
PERSONAL_PARTS: dict[str, Callable[[], str]] = {}
_DEFERRING = "tracker_deferring"


class AudienceReader:
    """Whom a shared page is rendered for: a role, and nobody in particular."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    id = 0  # no account has it: "mine" is nothing
    name = ""
    email = ""
    organization = None
    organization_id = None
    unread_notifications = 0

    def __init__(self, role: str, locale: str) -> None:
        self.role = policy.Role(role)
        self.locale = locale

    def get_id(self) -> None:
        return None


def install(app: Flask, endpoints: tuple[str, ...]) -> None:
    """Serve the pages named by `endpoints` through the cache."""
    for endpoint in endpoints:
        app.view_functions[endpoint] = cached_view(app.view_functions[endpoint], endpoint)
    app.jinja_env.globals.update(deferring=deferring, personal_mark=personal_mark)
    app.jinja_env.globals["personal"] = personal


def personal_part(name: str):
    """Register how part `name` of a page is rendered for the signed-in reader."""

    def register(render: Callable[[], str]) -> Callable[[], str]:
        PERSONAL_PARTS[name] = render
        return render

    return register


def deferring() -> bool:
    """Whether the page being rendered is the shared part (the person's parts come later)."""
    return bool(g.get(_DEFERRING))


def personal_mark(name: str) -> Markup:
    """Where part `name` goes; an HTML comment no user-written text can forge (it carries a
    digest of the secret key)."""
    return Markup(f"<!--personal:{name}:{_mark_secret()}-->")


def personal(name: str) -> Markup:
    """Part `name`: marked in a shared page, rendered now in any other."""
    if deferring():
        return personal_mark(name)
    return Markup(PERSONAL_PARTS[name]())


def cached_view(view: Callable, endpoint: str) -> Callable:
    @wraps(view)
    def serve(**kwargs):
        audience = policy.audience(current_user)
        if audience is None:
            return view(**kwargs)  # not signed in: the view sends them to sign in
        key = page_key(endpoint, audience)
        page = cache.get(key) if key is not None else None
        if page is not None:
            return with_personal_parts(page)
        answer = render_shared(view, kwargs, audience)
        if isinstance(answer, str):
            if key is not None:
                cache.set(key, answer)
            return with_personal_parts(answer)
        if isinstance(answer, tuple) and isinstance(answer[0], str):
            return (with_personal_parts(answer[0]), *answer[1:])
        return answer

    return serve


def page_key(endpoint: str, audience: str) -> str | None:
    """The page's key, None when the workspace has no version yet."""
    version = current_version(db.session())
    if version is None:
        return None
    arguments = repr(
        (endpoint, sorted((request.view_args or {}).items()), sorted(request.args.items(True)))
    )
    digest = hashlib.sha256(arguments.encode()).hexdigest()[:32]
    return f"{version}:{audience}:{get_locale()}:{today().isoformat()}:{digest}"


def render_shared(view: Callable, kwargs: dict, audience: str):
    """The view's answer as any reader of `audience` gets it, the person's parts marked."""
    reader = g._login_user
    g._login_user = AudienceReader(audience, str(get_locale()))
    g.tracker_deferring = True
    try:
        return view(**kwargs)
    finally:
        g._login_user = reader
        g.tracker_deferring = False


def with_personal_parts(page: str) -> str:
    secret = _mark_secret()
    for name, render in PERSONAL_PARTS.items():
        mark = f"<!--personal:{name}:{secret}-->"
        if mark in page:
            page = page.replace(mark, render())
    return page


def _mark_secret() -> str:
    secret = current_app.extensions.get("tracker_mark_secret")
    if secret is None:
        key = str(current_app.config["SECRET_KEY"]).encode()
        secret = hashlib.sha256(b"personal parts " + key).hexdigest()[:20]
        current_app.extensions["tracker_mark_secret"] = secret
    return secret


@personal_part("nav")
def _navigation() -> str:
    """The navigation bar, rendered once per role, language, section and whether there is
    something unread; the reader's name, unread count and CSRF token put in each time."""
    user = current_user
    if not user.is_authenticated:
        return ""
    unread = user.unread_notifications
    key = (user.role, str(get_locale()), request.blueprint, request.script_root, bool(unread))
    shapes = current_app.extensions.setdefault("tracker_navigation", {})
    shape = shapes.get(key)
    if shape is None:
        marks = {name: Markup(f"\x00{name}\x00") for name in ("name", "unread", "csrf_token")}
        shape = render_template(
            "_shell/nav.html", person=marks if unread else {**marks, "unread": 0}
        )
        shapes[key] = shape
    return (
        shape.replace("\x00name\x00", str(escape(user.name)))
        .replace("\x00unread\x00", str(unread))
        .replace("\x00csrf_token\x00", generate_csrf())
    )


@personal_part("flashes")
def _flashes() -> str:
    if "_flashes" not in session:
        return ""
    return render_template("_shell/flashes.html")
