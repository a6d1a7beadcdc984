"""The read API under /api/v1: JSON for partners, read with a personal token through the
same visibility filter and published snapshots as the pages, described by an OpenAPI
document generated from its schemas; the exports, built from the same serialisers; and
the public scorecard."""

from flask import Blueprint as FlaskBlueprint
from flask import Flask
from flask_limiter import Limiter
from flask_smorest import Api, Blueprint


class ReadApi(Api):
    """flask-smorest's API, leaving errors to the app's handlers (problem+json under /api,
    pages elsewhere)."""

    def _register_error_handlers(self):
        pass


bp = Blueprint(
    "api",
    __name__,
    url_prefix="/api/v1",
    description="The workspace's records, read-only, as the token's owner may read them.",
)
# Tokens, exports and the scorecard: pages, not API endpoints.
pages = FlaskBlueprint("api_pages", __name__)

from tracker.api import endpoints, export_views, pages_views, scorecard_views  # noqa: E402, F401
from tracker.api.auth import rate_limit_key  # noqa: E402

SETTINGS = {
    "API_TITLE": "Advocacy tracker read API",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
}


def register(app: Flask) -> None:
    """The API, its OpenAPI document and its rate limit on `app` (each app its own)."""
    for key, value in SETTINGS.items():
        app.config.setdefault(key, value)
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter = Limiter(key_func=rate_limit_key, default_limits=[], app=app)
    limiter.limit(lambda: app.config["API_RATE_LIMIT"])(bp)
    api = ReadApi(app, spec_kwargs={"info": {"description": endpoints.DESCRIPTION}})
    api.register_blueprint(bp)
    app.register_blueprint(pages)
