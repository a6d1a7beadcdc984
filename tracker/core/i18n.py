"""The reader's language: their own choice, else the browser's Accept-Language; outside a
request (commands), the first of the workspace's languages."""

from flask import current_app, has_request_context, request
from flask_login import current_user


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return languages[0]
    user = current_user
    if user and user.is_authenticated and user.locale in languages:
        return user.locale
    return request.accept_languages.best_match(languages) or languages[0]
