"""Error pages: clear, translated, and never a stack trace."""

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from tracker.core.extensions import db

log = logging.getLogger("tracker.errors")
# Under this prefix errors answer as application/problem+json, not as pages.
API_PREFIX = "/api/"

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Go back and try again.")),
    403: (
        _l("Not allowed"),
        _l("Your role does not allow this. Ask a coordinator if you need it."),
    ),
    404: (_l("Not found"), _l("There is nothing at this address, or it is not shared with you.")),
    405: (_l("Not allowed"), _l("This address does not accept that kind of request.")),
    409: (_l("Edit conflict"), _l("Someone else saved this first.")),
    413: (_l("Too large"), _l("What you sent is too large.")),
    422: (_l("Check the form"), _l("Some fields need correcting.")),
    429: (_l("Too many requests"), _l("Wait a few minutes, then try again.")),
    401: (_l("Not signed in"), _l("Send a valid personal API token.")),
    500: (_l("Something went wrong"), _l("The error is logged. Try again in a moment.")),
}


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        log.warning("CSRF refusal on %s %s", request.method, request.path)
        return _render(
            400,
            _l("The form expired or was not sent from this site. Reload the page and try again."),
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is not None and error.code < 400:
            return error  # routing redirects are not errors
        if request.path.startswith(API_PREFIX):
            return _problem(error)
        if error.code == 403:
            user = current_user.email if current_user.is_authenticated else "anonymous"
            log.warning("403 for %s on %s %s", user, request.method, request.path)
        return _render(error.code or 500)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        db.session.rollback()
        if request.path.startswith(API_PREFIX):
            return _problem(InternalServerError())
        return _render(500)


def _problem(error: HTTPException):
    """An API error as RFC 9457 problem details."""
    code = error.code or 500
    title, message = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
    body = {"type": "about:blank", "title": str(title), "status": code, "detail": str(message)}
    data = getattr(error, "data", None) or {}
    if data.get("messages"):  # the query's fields that were refused, and why
        body["errors"] = data["messages"]
    elif error.description and code < 500 and error.description != type(error).description:
        body["detail"] = error.description
    response = jsonify(body)
    response.status_code = code
    response.mimetype = "application/problem+json"
    if code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    for name, value in getattr(error, "get_headers", lambda: [])():
        if name.lower() == "retry-after":
            response.headers[name] = value
    return response


def _render(code: int, detail=None):
    title, message = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
    return render_template(
        "errors/error.html", code=code, title=title, message=detail or message
    ), code
