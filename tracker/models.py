"""The shared declarative base, with a naming convention and common mixins."""

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, Enum, ForeignKey, MetaData, String, false
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from tracker import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """When a record is created or changed: the workspace's clock (`tracker.clock.now()`),
    on its pinned day if today is pinned. Every record's stamps use it."""
    return clock.now()


def real_utcnow() -> datetime:
    """The real time, whatever day the workspace is pinned to: for expiry, throttle and
    delivery times, and anything else measured against the world's clock."""
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


class ObserverRowsMixin:
    """A record of the civil-society workspace: `shared_clause()` says, in SQL, which of its
    rows observers may read. The policy's filter applies it to every query of a reader who
    sees shared records only. Unless a class says otherwise, observers read none."""

    @classmethod
    def shared_clause(cls):
        return false()


class DerivedVisibilityMixin(ObserverRowsMixin):
    """A record whose visibility follows the records it belongs to (a log line, a
    reflection), or that observers never read (a revision, a reviewer's comment)."""


class PublishableMixin(ObserverRowsMixin):
    """A record a coordinator may publish to governments: a report, a key message, a table
    outcome, an action, a note.

    Publishing stores in `published` the fields observers may read, as they stand then (the
    policy declares which); observers read that snapshot and never the working copy, so
    editing, reopening or returning the record changes nothing for them until it is
    published again. `visibility` is "shared" exactly when a snapshot exists (a CHECK
    constraint holds it so); only `tracker.publishing` changes either.
    """

    visibility: Mapped[Visibility] = mapped_column(
        str_enum(Visibility, "visibility"), default=Visibility.CIVIL_SOCIETY, index=True
    )
    published: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @declared_attr
    def published_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    @classmethod
    def shared_clause(cls):
        return cls.visibility == Visibility.SHARED


def published_when_shared() -> CheckConstraint:
    """The table constraint every publishable record carries (see PublishableMixin)."""
    return CheckConstraint(
        "(visibility = 'shared') = (published IS NOT NULL)", name="published_when_shared"
    )


__all__ = [
    "Base",
    "DerivedVisibilityMixin",
    "ObserverRowsMixin",
    "TimestampMixin",
    "PublishableMixin",
    "Visibility",
    "published_when_shared",
    "String",
    "real_utcnow",
    "utcnow",
]
