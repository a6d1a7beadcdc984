"""The interface in the meeting's three languages: the user's choice, else the browser's.

These tests read the rendered pages for literal French and Spanish words, so they need
these catalogue entries (tracker/translations/<lang>/LC_MESSAGES/messages.po):

    msgid "Sign in"    fr "Se connecter"     es "Iniciar sesión"
    msgid "Password"   fr "Mot de passe"     es "Contraseña"
    msgid "Sign out"   fr "Se déconnecter"   es "Cerrar sesión"

While a catalogue leaves one of them untranslated the tests that need it are expected to
fail (strict xfail, so they turn red once the translation lands and the marker must go).
"""

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "tracker" / "translations"
NEEDED = {
    "fr": {"Sign in": "Se connecter", "Password": "Mot de passe", "Sign out": "Se déconnecter"},
    "es": {"Sign in": "Iniciar sesión", "Password": "Contraseña", "Sign out": "Cerrar sesión"},
}


@cache
def untranslated(language: str) -> list[str]:
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po)
    return [
        msgid
        for msgid in NEEDED[language]
        if catalog.get(msgid) is None or not catalog.get(msgid).string
    ]


def needs_catalog(language: str):
    missing = untranslated(language)
    return pytest.mark.xfail(
        bool(missing),
        reason=f"the {language} catalogue does not translate {missing} yet",
        strict=True,
    )


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr", "fr"),
        ("fr-CH, fr;q=0.9, en;q=0.5", "fr"),
        ("es-MX,es;q=0.9", "es"),
        ("de, es;q=0.5", "es"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_the_browsers_language_chooses_the_page_language(client, accept_language, expected):
    html = client.get("/sign-in", headers={"Accept-Language": accept_language}).get_data(
        as_text=True
    )
    assert html_lang(html) == expected


def test_the_sign_in_page_in_english(client):
    html = client.get("/sign-in", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert ">Sign in</h1>" in html
    assert ">Password</label>" in html


@pytest.mark.parametrize(
    "language",
    [pytest.param(language, marks=needs_catalog(language)) for language in ("fr", "es")],
)
def test_the_sign_in_page_is_translated(client, language):
    words = NEEDED[language]
    html = client.get("/sign-in", headers={"Accept-Language": language}).get_data(as_text=True)
    assert html_lang(html) == language
    assert f">{words['Sign in']}</h1>" in html
    assert f">{words['Password']}</label>" in html
    assert ">Sign in</h1>" not in html
    assert ">Password</label>" not in html


def test_a_saved_language_wins_over_the_browsers_choice(client, login_as):
    login_as("member")
    response = client.post(
        "/account", data={"language-locale": "es", "language-submit": "Save language"}
    )
    assert response.status_code == 302
    html = client.get("/dashboard", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert html_lang(html) == "es"


@needs_catalog("es")
def test_a_saved_language_translates_the_pages(client, login_as):
    login_as("member", locale="es")
    html = client.get("/dashboard", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert NEEDED["es"]["Sign out"] in html
    assert NEEDED["fr"]["Sign out"] not in html


def test_choosing_the_browsers_language_again(client, login_as):
    login_as("member", locale="es")
    client.post("/account", data={"language-locale": "", "language-submit": "Save language"})
    html = client.get("/dashboard", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert html_lang(html) == "fr"


def test_every_string_of_the_interface_is_translated_in_french_and_spanish():
    """The catalogues hold a translation of every message the code and templates mark."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    root = TRANSLATIONS.parent.parent
    methods = [("tracker/**.py", "python"), ("templates/**.html", "jinja2")]
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    wanted = {
        message[0] if isinstance(message, tuple) else message
        for _file, _line, message, _comments, _context in extract_from_dir(
            root,
            methods,
            keywords=keywords,
            # Babel skips folders starting with "_" unless told: templates/_macros holds strings.
            directory_filter=lambda path: not Path(path).name.startswith("."),
        )
    }
    for language in ("fr", "es"):
        with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as po:
            catalog = read_po(po)
        missing = sorted(
            msgid
            for msgid in wanted
            if (found := catalog.get(msgid)) is None
            or found.fuzzy
            or not (found.string if isinstance(found.string, str) else all(found.string))
        )
        assert missing == [], f"{language}: {len(missing)} untranslated, e.g. {missing[:5]}"
