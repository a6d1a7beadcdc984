"""The reader's language (their own choice, else the browser's Accept-Language), and the
names of places in it."""

from functools import cache

from babel import Locale
from flask import current_app, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # a command, a job, a mail sent from a command
        return languages[0]
    user = current_user
    if user and user.is_authenticated and user.locale in languages:
        return user.locale
    return request.accept_languages.best_match(languages) or languages[0]


def current_language() -> str:
    """The language pages are rendered in now: "en" outside a request or app context."""
    if not has_request_context():
        return "en"
    locale = get_locale()
    return locale.language if locale is not None else "en"


@cache
def territory_names(language: str) -> dict[str, str]:
    """CLDR's names of countries and territories in `language`, by ISO 3166 code."""
    return dict(Locale.parse(language).territories)


def territory_name(code: str, language: str | None = None) -> str:
    """A country or territory's name in the reader's language, from its ISO 3166 code."""
    return territory_names(language or current_language()).get(code.upper(), code)
