"""Per-request security: load the reader first, then set the response headers."""

from flask import Flask, g, request
from flask_login import current_user

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    # Bootstrap draws its select arrows and menu icon as data: SVG images.
    "form-action 'self'; img-src 'self' data:"
)


# Every response carries these; static files get them from WhiteNoise (add_static_headers).
BASE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def add_static_headers(headers, path: str, url: str) -> None:
    """WhiteNoise's hook: the security headers on every static file it serves."""
    for name, value in BASE_HEADERS.items():
        headers[name] = value


def register(app: Flask) -> None:
    @app.before_request
    def load_reader() -> None:
        # Resolve the signed-in user before any other query, so the visibility filter
        # always knows who is reading.
        current_user._get_current_object()

    @app.after_request
    def set_headers(response):
        headers = response.headers
        for name, value in BASE_HEADERS.items():
            headers.setdefault(name, value)
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if current_user.is_authenticated and request.endpoint != "static":
            headers["Cache-Control"] = "no-store"
            headers["Vary"] = "Cookie"
        if app.config.get("SHOW_QUERY_COUNT") or app.testing:
            headers["X-Query-Count"] = str(g.get("query_count", 0))
        return response
