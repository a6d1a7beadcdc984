"""Password hashing (Argon2id) and the password rules."""

import secrets
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

MIN_LENGTH = 12


@cache
def _hasher(time_cost: int, memory_cost: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=1)


def hasher() -> PasswordHasher:
    config = current_app.config
    return _hasher(config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_COST"])


def hash_password(password: str) -> str:
    return hasher().hash(password)


@cache
def _dummy_hash(time_cost: int, memory_cost: int) -> str:
    return _hasher(time_cost, memory_cost).hash(secrets.token_urlsafe(32))


def dummy_hash() -> str:
    """A hash of a random secret with the current parameters, computed once per process."""
    config = current_app.config
    return _dummy_hash(config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_COST"])


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; always one real Argon2 verification, hash or no hash.

    Without a hash (an unknown or password-less account), the password is verified against
    a dummy hash, so such accounts answer no faster than real ones.
    """
    try:
        matches = hasher().verify(password_hash or dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return matches and bool(password_hash)


def needs_rehash(password_hash: str) -> bool:
    """Whether a hash was made with other parameters than the current ones."""
    try:
        return hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("tracker.auth").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def password_problem(password: str, email: str = "") -> str | None:
    """Why this password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return ngettext(
            "Use at least %(num)d character.", "Use at least %(num)d characters.", MIN_LENGTH
        )
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) < 4:
        return str(_l("This password is too common; choose another."))
    local_part = email.split("@")[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        return str(_l("Do not use your email address in your password."))
    return None
