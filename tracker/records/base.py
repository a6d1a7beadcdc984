"""What the visibility rule rests on: a record's visibility, the rows observers may read
(`shared_clause`), and the published snapshot of what a coordinator shared with them."""

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Text, false, select, true
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from tracker.core.models import str_enum


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
    constraint holds it so); only `tracker.records.publishing` changes either.
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


class LiveRowsMixin:
    """A record hidden while it, or what it belongs to, is archived: `live_clause()` says,
    in SQL, which of its rows are live. `tracker.records.reader` applies it to every query,
    whoever reads, unless the query opts in to archived rows (`INCLUDE_ARCHIVED`)."""

    @classmethod
    def live_clause(cls):
        return true()  # every subclass says which rows are live (a test holds it so)


class ArchivableMixin(LiveRowsMixin):
    """A record a coordinator may archive (with a reason) and restore; nothing is deleted.

    Archiving a record archives with it the records that hang on it (a key message's
    actions, a meeting's agenda items...): they all carry the id of the activity entry that
    archived them (`archived_in_id`), so restoring brings exactly them back together.
    Only `tracker.records.archiving` changes these columns."""

    if TYPE_CHECKING:
        id: Mapped[int]
        __tablename__: str

    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    archive_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    @declared_attr
    def archived_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    @declared_attr
    def archived_in_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("activity.id", ondelete="SET NULL"), index=True)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def record_type(self) -> str:
        """The record's kind, as the activity log and the archive's addresses name it."""
        return type(self).__tablename__

    @classmethod
    def live_clause(cls):
        return cls.archived_at.is_(None)


def live_ids(model: type[ArchivableMixin]):
    """The ids of `model`'s live rows, for the live clause of what hangs on it."""
    return select(model.id).where(model.archived_at.is_(None))
