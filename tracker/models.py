"""The shared declarative base, with a naming convention and common mixins."""

import enum
from datetime import UTC, datetime

from sqlalchemy import DateTime, Enum, MetaData, String, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def real_utcnow() -> datetime:
    """The real time, never a pinned date: for security windows (throttles, link expiry)."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


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


class Visibility(enum.StrEnum):
    CIVIL_SOCIETY = "civil_society"
    SHARED = "shared"


class VisibleMixin:
    """A record that carries a visibility; the policy's filter applies to every such class."""

    visibility: Mapped[Visibility] = mapped_column(
        str_enum(Visibility, "visibility"), default=Visibility.CIVIL_SOCIETY, index=True
    )


class DerivedVisibilityMixin:
    """A record whose visibility follows the records it belongs to (a revision, a stance).

    `shared_clause()` says, in SQL, when such a row is shared with governments; the
    policy's filter applies it to every query for readers who see shared records only.
    """

    @classmethod
    def shared_clause(cls):
        return true()


__all__ = [
    "Base",
    "DerivedVisibilityMixin",
    "TimestampMixin",
    "Visibility",
    "VisibleMixin",
    "String",
    "real_utcnow",
    "utcnow",
]
