"""Password rules (length, common passwords) and how passwords are stored."""

import pytest
from sqlalchemy import select

from tests.factories import PASSWORD, UserFactory
from tests.pages import error_next_to
from tracker.core.extensions import db
from tracker.records.accounts import User

EMAIL = "ana.lopez@example.net"
TOO_SHORT = "Use at least 12 characters."
TOO_COMMON = "This password is too common; choose another."


@pytest.fixture
def signed_in(client):
    user = UserFactory(email=EMAIL)
    client.post("/sign-in", data={"email": EMAIL, "password": PASSWORD})
    return user


def change_password(client, new, confirm=None):
    return client.post(
        "/account",
        data={
            "password-current_password": PASSWORD,
            "password-new_password": new,
            "password-confirm": new if confirm is None else confirm,
            "password-submit": "Change password",
        },
    )


def stored_hash() -> str:
    db.session.expire_all()
    return db.session.scalar(select(User.password_hash).where(User.email == EMAIL))


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pass1", TOO_SHORT),  # 11 characters
        ("password1234", TOO_COMMON),
        ("PASSWORD1234", TOO_COMMON),
        ("1q2w3e4r5t6y", TOO_COMMON),
        ("aaaaaaaaaaaaaaaa", TOO_COMMON),
        ("my ana.lopez password", "Do not use your email address in your password."),
    ],
)
def test_weak_password_is_refused_next_to_the_field(client, signed_in, password, message):
    before = stored_hash()
    response = change_password(client, password)
    assert response.status_code == 422
    assert error_next_to(response.get_data(as_text=True), "password-new_password") == message
    assert stored_hash() == before


def test_twelve_characters_are_enough(client, signed_in):
    assert change_password(client, "tortuga verd").status_code == 302


def test_the_two_new_passwords_must_match(client, signed_in):
    response = change_password(client, "a long enough passphrase", "a different passphrase")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert error_next_to(html, "password-confirm") == "The passwords differ."


def test_passwords_are_stored_as_argon2id_hashes(client, signed_in):
    assert change_password(client, "a long enough passphrase").status_code == 302
    stored = stored_hash()
    assert stored.startswith("$argon2id$")
    assert "a long enough passphrase" not in stored
