"""Advocacy tracker: from a civil-society strategy meeting to an adopted UN text."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker.core.config import Config

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: type[Config] | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config or Config)
    Config.check(app.config)
    register_proxies(app)
    register_url_converters(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_request_hooks(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def register_proxies(app: Flask) -> None:
    """Behind PROXY_COUNT proxies, the client's address is the one they forwarded."""
    proxies = app.config["PROXY_COUNT"]
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    from tracker import records  # noqa: F401  (every model, for the metadata)
    from tracker.core import database
    from tracker.core.extensions import babel, bootstrap, csrf, db, login_manager, migrate
    from tracker.core.i18n import select_locale
    from tracker.records import reader

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
    database.configure_engine(app)
    reader.install_visibility_filter(db.session)

    from tracker.auth.loader import load_user

    login_manager.user_loader(load_user)


def register_url_converters(app: Flask) -> None:
    from tracker.core.inputs import register_converters

    register_converters(app)


def register_blueprints(app: Flask) -> None:
    from tracker import (
        actions,
        admin,
        agenda,
        auth,
        drafts,
        notes,
        notifications,
        reports,
        search,
        tables,
        thread,
    )
    from tracker.web import health

    blueprints = (
        auth,
        thread,
        agenda,
        notes,
        reports,
        tables,
        actions,
        notifications,
        drafts,
        search,
        admin,
    )
    for module in blueprints:
        app.register_blueprint(module.bp)
    app.register_blueprint(health.bp)


def register_errorhandlers(app: Flask) -> None:
    from tracker.web.errors import register

    register(app)


def register_request_hooks(app: Flask) -> None:
    from tracker.web.security import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from tracker.web.templating import register

    register(app)


def register_commands(app: Flask) -> None:
    from tracker.cli import register

    register(app)
