"""Accounts: sign-in, invitations, passwords, roles and deactivation."""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.auth import throttle
from tracker.auth.models import Invitation, User
from tracker.auth.passwords import hash_password, needs_rehash, verify_password
from tracker.extensions import db
from tracker.mail import deliver, queue_mail
from tracker.models import real_utcnow
from tracker.policy import Role

log = logging.getLogger("tracker.auth")


class SignInThrottled(Exception):
    """Too many failed sign-ins from this address, or against this account: wait."""

    def __init__(self, refusal: throttle.Refusal) -> None:
        super().__init__(refusal.rule)
        self.refusal = refusal


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(
    email: str,
    password: str,
    remote_addr: str | None = None,
    known_device_user_id: int | None = None,
) -> User | None:
    """The active user with this email and password, or None; raises SignInThrottled.

    Every attempt that is not throttled costs one Argon2 verification, whether the account
    exists or not, so the answer's timing does not tell which addresses have an account.
    `known_device_user_id` is the user this browser's device cookie names, if any.
    """
    email = email.strip().lower()
    user = find_user_by_email(email)
    known_device = user is not None and known_device_user_id == user.id
    refusal = throttle.sign_in_refusal(email, remote_addr, known_device)
    if refusal is not None:
        log.warning(
            "sign-in refused for %s from %s: throttled (%s, %ds)",
            email,
            remote_addr,
            refusal.rule,
            refusal.seconds,
        )
        raise SignInThrottled(refusal)
    usable = user is not None and user.active and user.password_hash
    if not verify_password(user.password_hash if usable else None, password):
        throttle.record_failure(email, remote_addr)
        log.warning("sign-in failed for %s from %s", email, remote_addr)
        return None
    throttle.clear_failures(email, remote_addr)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_sign_in_at = real_utcnow()
    db.session.commit()
    log.info("sign-in of %s from %s", email, remote_addr)
    return user


def end_sessions(user: User) -> None:
    """Sign the user out everywhere: every cookie issued so far stops working."""
    user.end_all_sessions()
    db.session.commit()


def change_password(user: User, new_password: str) -> None:
    user.password_hash = hash_password(new_password)
    user.end_all_sessions()
    db.session.commit()


def set_locale(user: User, locale: str | None) -> None:
    user.locale = locale or None
    db.session.commit()


def token_hash(token: str) -> str:
    """What is stored of a secret sent to someone (an invitation, a calendar address)."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class InvitationLink:
    user: User
    url: str


def invite_user(
    inviter: User, email: str, name: str, role: Role, organization_id: int | None
) -> InvitationLink:
    """Create the account (without a password) and a single-use link to set one."""
    user = User(
        email=email.strip().lower(),
        name=name.strip(),
        role=role,
        organization_id=organization_id,
        active=True,
    )
    db.session.add(user)
    db.session.flush()
    link = _new_invitation(inviter, user)
    db.session.commit()
    log.info("%s invited %s as %s", inviter.email, user.email, role)
    return link


def reinvite_user(inviter: User, user: User) -> InvitationLink:
    link = _new_invitation(inviter, user)
    db.session.commit()
    return link


def _new_invitation(inviter: User, user: User) -> InvitationLink:
    token = secrets.token_urlsafe(32)
    days = current_app.config["INVITATION_DAYS"]
    db.session.add(
        Invitation(
            token_hash=token_hash(token),
            user_id=user.id,
            invited_by_id=inviter.id,
            expires_at=real_utcnow() + timedelta(days=days),
        )
    )
    url = url_for("auth.accept_invitation", token=token, _external=True)
    message = queue_mail(
        user.email,
        _("Your invitation to the advocacy tracker"),
        _(
            "%(inviter)s invited you to the advocacy tracker.\n\n"
            "Set your password here within %(days)d days (the link works once):\n%(url)s\n",
            inviter=inviter.name,
            days=days,
            url=url,
        ),
    )
    db.session.flush()
    deliver(message)
    return InvitationLink(user=user, url=url)


def usable_invitation(token: str) -> Invitation | None:
    """The invitation behind this token if it is unused and unexpired."""
    invitation = db.session.scalar(
        select(Invitation).where(Invitation.token_hash == token_hash(token))
    )
    if invitation is None or invitation.used_at is not None:
        return None
    if _expired(invitation.expires_at) or not invitation.user.active:
        return None
    return invitation


def _expired(expires_at: datetime) -> bool:
    if expires_at.tzinfo is None:  # SQLite returns naive datetimes
        expires_at = expires_at.replace(tzinfo=UTC)
    return expires_at <= real_utcnow()


def accept_invitation(invitation: Invitation, password: str) -> User:
    invitation.used_at = real_utcnow()
    user = invitation.user
    user.password_hash = hash_password(password)
    user.end_all_sessions()
    db.session.commit()
    log.info("%s accepted an invitation", user.email)
    return user


def set_role(user: User, role: Role) -> None:
    user.role = role
    user.end_all_sessions()
    db.session.commit()


def set_active(user: User, active: bool) -> None:
    user.active = active
    user.end_all_sessions()
    db.session.commit()
