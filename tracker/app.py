"""The application factory: `create_app(config)` as a short list of named steps."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker import (
    actions,
    agenda,
    alerts,
    api,
    archive,
    audit,
    auth,
    cli,
    drafts,
    notes,
    notifications,
    positions,
    process,
    records,  # noqa: F401  (every model: the metadata is complete)
    reference,
    reports,
    search,
    tables,
    thread,
)
from tracker.auth.loader import load_user
from tracker.core import database
from tracker.core.config import Config
from tracker.core.extensions import babel, bootstrap, cache, csrf, db, login_manager, migrate
from tracker.core.i18n import select_locale
from tracker.core.inputs import register_converters
from tracker.records import reader, workspace
from tracker.search import index as search_index
from tracker.thread import cache as page_cache
from tracker.web import assets, errors, health, security, templating

ROOT = Path(__file__).resolve().parent.parent
# Every feature's blueprint, in the order their routes are matched.
FEATURES = (
    auth,
    thread,
    agenda,
    notes,
    reports,
    tables,
    actions,
    notifications,
    drafts,
    alerts,
    archive,
    audit,
    positions,
    search,
    process,
    reference,
)
# The main pages, rendered once per audience and version of the workspace (tracker.thread.cache).
CACHED_PAGES = (
    "thread.dashboard",
    "thread.act",
    "thread.brief",
    "thread.matrix",
    "agenda.index",
    "agenda.meeting",
    "drafts.show",
    "search.index",
)


def create_app(config: type[Config] | None = None) -> Flask:
    app = Flask(
        "tracker",
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config or Config)
    Config.check(app.config)
    if app.config.get("STATIC_FOLDER"):
        app.static_folder = app.config["STATIC_FOLDER"]
    register_proxies(app)
    register_converters(app)
    register_extensions(app)
    register_blueprints(app)
    api.register(app)
    page_cache.install(app, CACHED_PAGES)
    errors.register(app)
    security.register(app)
    templating.register(app)
    assets.register(app, security.add_static_headers)
    cli.register(app)
    return app


def register_proxies(app: Flask) -> None:
    """Behind PROXY_COUNT proxies, the client's address is the one they forwarded."""
    proxies = app.config["PROXY_COUNT"]
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    database.engine_options(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    bootstrap.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(ROOT / "tracker" / "translations"),
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    cache.init_app(app)
    database.configure_engine(app)
    reader.install_visibility_filter(db.session)
    search_index.install(db.session)
    workspace.install_version_bump(db.session)


def register_blueprints(app: Flask) -> None:
    for feature in FEATURES:
        app.register_blueprint(feature.bp)
    app.register_blueprint(auth.people_bp)
    app.register_blueprint(health.bp)
