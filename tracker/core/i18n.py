"""The reader's language: their own choice, else the browser's Accept-Language."""

from flask import current_app, request
from flask_login import current_user


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    user = current_user
    if user and user.is_authenticated and user.locale in languages:
        return user.locale
    return request.accept_languages.best_match(languages) or languages[0]
