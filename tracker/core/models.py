"""The shared declarative base, its naming convention, and what every model uses: typed
enums, time stamps, reference data in the reader's language."""

import enum
from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tracker.core import clock
from tracker.core.i18n import current_language

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """When a record is created or changed: the workspace's clock (`tracker.core.clock.now()`),
    on its pinned day if today is pinned. Every record's stamps use it."""
    return clock.now()


def real_utcnow() -> datetime:
    """The real time, whatever day the workspace is pinned to: for expiry, throttle and
    delivery times, and anything else measured against the world's clock."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    # A model's `__mapper_args__` is annotated `Mapping[str, Any]`: DeclarativeBase declares
    # it as an attribute (a ClassVar would clash), and SQLAlchemy only reads it (it copies it).
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class TranslatedMixin:
    """Reference data written in English with its French and Spanish beside it.

    `translations` holds, by language, the translated fields: {"fr": {"title": "..."}}.
    `translated(field)` is the field in the reader's language, the English when a
    translation is missing.
    """

    translations: Mapped[dict[str, dict[str, str]]] = mapped_column(
        JSON, default=dict, server_default="{}"
    )

    def translated(self, field: str) -> str:
        language = current_language()
        if language != "en":
            text = (self.translations or {}).get(language, {}).get(field)
            if text:
                return text
        return getattr(self, field)

    def translate(self, language: str, field: str, text: str) -> None:
        """Set (or, with an empty text, remove) one field's translation."""
        translations = {lang: dict(fields) for lang, fields in (self.translations or {}).items()}
        fields = translations.setdefault(language, {})
        if text.strip():
            fields[field] = text.strip()
        else:
            fields.pop(field, None)
        self.translations = {lang: fields for lang, fields in translations.items() if fields}


def str_enum(enum_class: type[enum.StrEnum], name: str) -> Enum:
    """Store a StrEnum as its value in a VARCHAR with a CHECK constraint (portable)."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_class),
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
