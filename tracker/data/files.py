"""Reading the data files shipped inside a package (so an installed package has them)."""

import tomllib
from importlib import resources


def read_toml(package: str, name: str) -> dict:
    """The TOML file `name` of `package`, as a dict (tables and arrays in file order)."""
    source = resources.files(package).joinpath(name)
    try:
        return tomllib.loads(source.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{package}/{name}: {error}") from error


def read_text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text("utf-8")


TRANSLATED_LANGUAGES = ("fr", "es")


def split_translations(row: dict) -> tuple[dict, dict[str, dict[str, str]]]:
    """A data row's English fields, and its translations: `title_fr = "..."` beside `title`
    becomes {"fr": {"title": "..."}}."""
    english: dict = {}
    translations: dict[str, dict[str, str]] = {}
    for key, value in row.items():
        field, _, language = key.rpartition("_")
        if field and language in TRANSLATED_LANGUAGES:
            translations.setdefault(language, {})[field] = value
        else:
            english[key] = value
    return english, translations
