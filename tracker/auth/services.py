"""Accounts: sign-in, invitations, passwords, roles and deactivation."""

import logging
import secrets
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import CursorResult, Select, delete, func, select, update

from tracker.auth import throttle
from tracker.auth.passwords import hash_password, needs_rehash, password_problem, verify_password
from tracker.core.extensions import db
from tracker.core.mail import OutboxMessage, deliver, queue_mail
from tracker.core.models import real_utcnow
from tracker.core.tokens import token_hash
from tracker.records.accounts import Invitation, Organization, PasswordReset, User
from tracker.records.policy import Role

log = logging.getLogger("tracker.auth")


class SignInThrottledError(Exception):
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
    """The active user with this email and password, or None; raises SignInThrottledError.

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
        raise SignInThrottledError(refusal)
    password_hash = user.password_hash if user is not None and user.active else None
    verified = verify_password(password_hash, password)  # costs the same for no account
    if user is None or password_hash is None or not verified:
        throttle.record_failure(email, remote_addr)
        log.warning("sign-in failed for %s from %s", email, remote_addr)
        return None
    throttle.clear_failures(email, remote_addr)
    if needs_rehash(password_hash):
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


@dataclass
class InvitationLink:
    user: User
    url: str
    message_id: int | None = None


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
    link = add_invitation(inviter, user)
    db.session.commit()
    log.info("%s invited %s as %s", inviter.email, user.email, role)
    return link


def reinvite_user(inviter: User, user: User) -> InvitationLink:
    link = add_invitation(inviter, user)
    db.session.commit()
    return link


def add_invitation(inviter: User, user: User, deliver_now: bool = True) -> InvitationLink:
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
    if deliver_now:
        deliver(message)
    return InvitationLink(user=user, url=url, message_id=message.id)


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


class ResetRequestThrottledError(Exception):
    """This address asked for too many password-reset links lately."""

    def __init__(self, refusal: throttle.Refusal) -> None:
        super().__init__(refusal.rule)
        self.refusal = refusal


def request_password_reset(email: str, remote_addr: str | None = None) -> OutboxMessage | None:
    """Mail a single-use link to set a new password, if the account may have one.

    Only an active account that has a password gets a link, at most a few an hour. The
    queued message is returned for the caller to deliver once it has answered, or None:
    the caller must answer the same either way. Raises ResetRequestThrottledError when the
    address asked too often.
    """
    refusal = throttle.reset_request_refusal(remote_addr)
    if refusal is not None:
        log.warning("password reset refused from %s: throttled", remote_addr)
        raise ResetRequestThrottledError(refusal)
    throttle.record_reset_request(remote_addr)
    email = email.strip().lower()
    user = find_user_by_email(email)
    message = None
    if user is None or not user.active or not user.password_hash:
        log.info("password reset asked for %s from %s: no active account", email, remote_addr)
    elif _resets_sent_lately(user) >= current_app.config["PASSWORD_RESET_MAILS_PER_EMAIL"]:
        log.warning("password reset asked for %s from %s: enough links sent", email, remote_addr)
    else:
        message = _new_password_reset(user)
        log.info("password reset link for %s asked from %s", email, remote_addr)
    # Links a day past their expiry are of no use to anyone: forget them.
    db.session.execute(
        delete(PasswordReset).where(PasswordReset.expires_at < real_utcnow() - timedelta(days=1))
    )
    db.session.commit()
    return message


def _resets_sent_lately(user: User) -> int:
    since = real_utcnow() - throttle.RESET_PERIOD
    return db.session.execute(
        select(func.count())
        .select_from(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.created_at > since)
    ).scalar_one()


def _new_password_reset(user: User) -> OutboxMessage:
    token = secrets.token_urlsafe(32)
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    now = real_utcnow()
    db.session.add(
        PasswordReset(
            token_hash=token_hash(token),
            user_id=user.id,
            created_at=now,
            expires_at=now + timedelta(minutes=minutes),
        )
    )
    url = public_url("auth.reset_password", token=token)
    with force_locale(user.locale) if user.locale else nullcontext():
        message = queue_mail(
            user.email,
            _("Reset your password for the advocacy tracker"),
            _(
                "Someone, probably you, asked to reset the password of your account on the "
                "advocacy tracker.\n\n"
                "Choose a new password here within %(minutes)d minutes "
                "(the link works once):\n%(url)s\n\n"
                "If you did not ask for it, ignore this message: your password stays as it is.\n",
                minutes=minutes,
                url=url,
            ),
        )
    db.session.flush()
    return message


def public_url(endpoint: str, **values) -> str:
    """An address of the app that starts with PUBLIC_URL, whatever Host the request named.

    Links that carry a secret are built this way, so a forged Host header cannot send the
    secret to somebody else's site.
    """
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "http"
    )
    return adapter.build(endpoint, values, force_external=True)


def usable_password_reset(token: str) -> PasswordReset | None:
    """The reset link behind this token if it is unused, unexpired and its account active."""
    reset = db.session.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == token_hash(token))
    )
    if reset is None or reset.used_at is not None:
        return None
    if _expired(reset.expires_at) or not reset.user.active:
        return None
    return reset


def reset_password(reset: PasswordReset, password: str) -> User | None:
    """Set the new password; end every session and every other reset link of the user.

    None when the link was used meanwhile (two tabs sending it at once): it works once.
    """
    password_hash = hash_password(password)
    now = real_utcnow()
    # An UPDATE's result is a CursorResult, which Session.execute's typing cannot promise.
    claimed = cast(
        CursorResult[Any],
        db.session.execute(
            update(PasswordReset)
            .where(PasswordReset.id == reset.id, PasswordReset.used_at.is_(None))
            .values(used_at=now)
        ),
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        return None
    db.session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == reset.user_id, PasswordReset.used_at.is_(None))
        .values(used_at=now)
    )
    user = reset.user
    user.password_hash = password_hash
    user.end_all_sessions()
    db.session.commit()
    log.info("%s set a new password with a reset link", user.email)
    return user


def deliver_queued(message_id: int) -> None:
    """Deliver an outbox message that is still unsent (after the response that queued it)."""
    try:
        message = db.session.get(OutboxMessage, message_id)
        if message is not None and message.sent_at is None:
            deliver(message)
            db.session.commit()
    except Exception:  # the message stays in the outbox for a later retry
        db.session.rollback()
        log.exception("could not deliver mail %s", message_id)


# The People page
def users_in_order() -> Select:
    return select(User).order_by(User.active.desc(), User.name)


def organizations_in_order() -> Select:
    return select(Organization).order_by(Organization.name)


def roles_given_by(may_give) -> list[Role]:
    return [role for role in Role if may_give(role)]


def create_admin(email: str, name: str, password: str) -> User:
    """The first (or another) admin of a real installation, from the command line."""
    email = email.strip().lower()
    if "@" not in email or not name.strip():
        raise ValueError(_("Give an email address and a name."))
    if find_user_by_email(email) is not None:
        raise ValueError(_("An account with this email address already exists."))
    problem = password_problem(password, email)
    if problem:
        raise ValueError(problem)
    user = User(
        email=email,
        name=name.strip(),
        role=Role.ADMIN,
        password_hash=hash_password(password),
        active=True,
    )
    db.session.add(user)
    db.session.commit()
    log.info("admin account %s created from the command line", email)
    return user


def has_accounts() -> bool:
    return db.session.scalar(select(User.id).limit(1)) is not None
