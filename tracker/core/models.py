"""The shared declarative base, its naming convention, and what every model uses: typed
enums, time stamps."""

import enum
from datetime import UTC, datetime

from sqlalchemy import DateTime, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tracker.core import clock

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
