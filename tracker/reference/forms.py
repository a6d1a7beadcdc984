"""The translations form: one field per translated field and language."""

import hashlib
import json

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import Length

from tracker.core.labels import LANGUAGES

TRANSLATED_LANGUAGES = ("fr", "es")
# Fields that hold a paragraph rather than a line.
LONG_FIELDS = frozenset({"summary", "purpose"})
FIELD_NAMES = {
    "title": _l("Title"),
    "summary": _l("Summary"),
    "place": _l("Place"),
    "purpose": _l("Purpose"),
}


def fingerprint(translations: dict) -> str:
    """What the translations were when the form was shown (to catch concurrent edits)."""
    text = json.dumps(translations or {}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def translations_form(fields: tuple[str, ...]) -> type[FlaskForm]:
    """A form class with `<field>_<language>` for each field, in French and Spanish."""

    class TranslationsForm(FlaskForm):
        seen = HiddenField()

    for field in fields:
        kind = TextAreaField if field in LONG_FIELDS else StringField
        for language in TRANSLATED_LANGUAGES:
            label = _l(
                "%(field)s (%(language)s)", field=FIELD_NAMES[field], language=LANGUAGES[language]
            )
            setattr(
                TranslationsForm,
                f"{field}_{language}",
                kind(label, validators=[Length(max=4000 if field in LONG_FIELDS else 300)]),
            )
    return TranslationsForm


def fill(form, record, fields: tuple[str, ...]) -> None:
    form.seen.data = fingerprint(record.translations)
    for field in fields:
        for language in TRANSLATED_LANGUAGES:
            value = (record.translations or {}).get(language, {}).get(field, "")
            form[f"{field}_{language}"].data = value
