"""The read API under /api/v1: JSON for partners, read with a personal token through the
same visibility filter and published snapshots as the pages, described by an OpenAPI
document generated from its schemas; the exports, built from the same serialisers; and
the public scorecard."""

import http

from flask import Blueprint as FlaskBlueprint
from flask import Flask
from flask_limiter import Limiter
from flask_smorest import Api, Blueprint
from flask_smorest.utils import prepare_response
from marshmallow import Schema, fields

PROBLEM = "application/problem+json"


class ProblemSchema(Schema):
    """RFC 9457 problem details: how every error of the API answers."""

    type = fields.String(metadata={"description": "about:blank"})
    title = fields.String(metadata={"description": "What kind of error it is."})
    status = fields.Integer(metadata={"description": "The HTTP status."})
    detail = fields.String(metadata={"description": "What went wrong, for a person."})
    errors = fields.Dict(metadata={"description": "The arguments refused, and why."})


class ReadApi(Api):
    """flask-smorest's API, leaving errors to the app's handlers (problem+json under /api,
    pages elsewhere)."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self):
        pass

    def _register_responses(self):
        """Every error is documented as application/problem+json, as it is sent."""
        for status in http.HTTPStatus:
            response: dict = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "An error, as problem details.", "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM)
        self.spec.components.response("DEFAULT_ERROR", default, lazy=True)


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
