"""People, organisations, invitations, password resets and the sign-in throttle's records."""

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.extensions import Model
from tracker.core.models import TimestampMixin, TranslatedMixin, real_utcnow, str_enum
from tracker.core.tokens import new_token
from tracker.records.policy import Role


class OrganizationKind(enum.StrEnum):
    NGO = "ngo"
    NETWORK = "network"
    UNION = "union"
    FAITH_BASED = "faith_based"
    DIASPORA = "diaspora"
    MIGRANT_ASSOCIATION = "migrant_association"
    RESEARCH = "research"
    UN_AGENCY = "un_agency"
    GOVERNMENT = "government"


class Organization(TranslatedMixin, TimestampMixin, Model):
    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    acronym: Mapped[str] = mapped_column(String(40), default="")
    region: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[OrganizationKind] = mapped_column(
        str_enum(OrganizationKind, "organization_kind"), default=OrganizationKind.NGO
    )
    signed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__: Mapping[str, Any] = {"version_id_col": version}

    @property
    def display_name(self) -> str:
        """The name in the reader's language (a government's or a UN agency's has one)."""
        return self.translated("name")

    @property
    def label(self) -> str:
        name = self.display_name
        return f"{name} ({self.acronym})" if self.acronym else name


class User(UserMixin, TimestampMixin, Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), default=Role.MEMBER)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(5))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Flask-Login's alternative id: rotating it ends every session of this user.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Kept with the user (loaded on every request anyway) so the navbar badge costs no query.
    unread_notifications: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # SHA-256 of the secret in the user's calendar-feed address; None when there is no feed.
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    organization: Mapped[Organization | None] = relationship(lazy="joined")

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return self.session_token

    def end_all_sessions(self) -> None:
        self.session_token = new_token()

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class Invitation(TimestampMixin, Model):
    """A single-use, expiring link where an invited person sets their password."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    invited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])


class PasswordReset(Model):
    """A single-use link, valid for an hour, mailed to someone who forgot their password.

    Only the SHA-256 of the link's secret is kept. Its times are real times, never the
    app's pinned date.
    """

    __tablename__ = "password_reset"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=real_utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class SignInFailure(Model):
    """One failed sign-in: for which email, from which address (the throttle's memory).

    Kept in the database so the throttle holds across worker processes (Redis instead when
    REDIS_URL is set); rows older than a day are pruned.
    """

    __tablename__ = "sign_in_failure"
    __table_args__ = (
        Index("ix_sign_in_failure_email_failed_at", "email", "failed_at"),
        Index("ix_sign_in_failure_address_failed_at", "address", "failed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    # The client's address (an IPv6 client's /64 network), "" when unknown.
    address: Mapped[str] = mapped_column(String(64), default="", server_default="")
    failed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=real_utcnow, index=True
    )


class PasswordResetRequest(Model):
    """One request for a reset link from an address, whatever the email (its throttle)."""

    __tablename__ = "password_reset_request"
    __table_args__ = (
        Index("ix_password_reset_request_address_requested_at", "address", "requested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=real_utcnow, index=True
    )
