"""Secrets sent to someone (an invitation, a password reset, a calendar address): made
here, and only their hash is stored."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored of a secret sent to someone."""
    return hashlib.sha256(token.encode()).hexdigest()
