"""Per-request security: load the reader first, then set the response headers."""

from flask import Flask, g, request
from flask_login import current_user

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    # Bootstrap draws its select arrows and menu icon as data: SVG images.
    "form-action 'self'; img-src 'self' data:"
)


def register(app: Flask) -> None:
    @app.before_request
    def load_reader() -> None:
        # Resolve the signed-in user before any other query, so the visibility filter
        # always knows who is reading.
        current_user._get_current_object()

    @app.after_request
    def set_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if current_user.is_authenticated and request.endpoint != "static":
            headers["Cache-Control"] = "no-store"
            headers["Vary"] = "Cookie"
        if app.config.get("SHOW_QUERY_COUNT") or app.testing:
            headers["X-Query-Count"] = str(g.get("query_count", 0))
        return response
