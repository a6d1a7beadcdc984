"""Sessions: renewed at sign-in, ended everywhere by sign-out, password change, deactivation."""

from flask import Flask

from tests.factories import PASSWORD, UserFactory
from tracker.core.extensions import db

EMAIL = "ana@example.net"
NEW_PASSWORD = "a brand new long passphrase"


def sign_in(client, email=EMAIL, password=PASSWORD):
    response = client.post("/sign-in", data={"email": email, "password": password})
    assert response.status_code == 302, response.status_code
    return response


def copy_session(source, app: Flask):
    """A second browser holding a copy of `source`'s session cookie."""
    thief = app.test_client()
    cookie = source.get_cookie("session")
    assert cookie is not None
    thief.set_cookie("session", cookie.value)
    return thief


def is_signed_in(client) -> bool:
    response = client.get("/dashboard")
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/sign-in")
        return False
    assert response.status_code == 200
    return True


def test_a_copied_session_cookie_is_refused_after_sign_out(app, client):
    UserFactory(email=EMAIL)
    sign_in(client)
    thief = copy_session(client, app)
    assert is_signed_in(thief)  # the copy works while the session lives
    assert client.post("/sign-out").headers["Location"] == "/sign-in"
    assert not is_signed_in(client)
    assert not is_signed_in(thief)


def test_sign_out_is_a_post_only(client, login_as):
    login_as("member")
    assert client.get("/sign-out").status_code == 405
    assert is_signed_in(client)


def test_sign_in_issues_a_new_session(client):
    UserFactory(email=EMAIL)
    client.get("/sign-in")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    sign_in(client)
    with client.session_transaction() as session:
        assert "planted" not in session


def test_changing_the_password_ends_other_sessions_but_not_this_one(app, client):
    UserFactory(email=EMAIL)
    sign_in(client)
    other_device = copy_session(client, app)
    response = client.post(
        "/account",
        data={
            "password-current_password": PASSWORD,
            "password-new_password": NEW_PASSWORD,
            "password-confirm": NEW_PASSWORD,
            "password-submit": "Change password",
        },
    )
    assert response.status_code == 302
    assert "Your password is changed" in client.get("/account").get_data(as_text=True)
    assert is_signed_in(client)
    assert not is_signed_in(other_device)
    client.post("/sign-out")
    fresh = app.test_client()
    assert fresh.post("/sign-in", data={"email": EMAIL, "password": PASSWORD}).status_code == 401
    sign_in(fresh, password=NEW_PASSWORD)


def test_changing_the_password_needs_the_current_one(client):
    UserFactory(email=EMAIL)
    sign_in(client)
    response = client.post(
        "/account",
        data={
            "password-current_password": "a wrong current password",
            "password-new_password": NEW_PASSWORD,
            "password-confirm": NEW_PASSWORD,
            "password-submit": "Change password",
        },
    )
    assert response.status_code == 422
    assert "The current password is incorrect." in response.get_data(as_text=True)


def test_a_deactivated_account_cannot_sign_in_and_its_session_ends(app, client, login_as):
    user = UserFactory(email=EMAIL)
    person = app.test_client()
    sign_in(person)
    login_as("coordinator")
    assert client.post(f"/admin/users/{user.id}/deactivate").status_code == 302
    db.session.refresh(user)
    assert user.active is False
    assert not is_signed_in(person)
    response = person.post("/sign-in", data={"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 401
    assert "Email or password is incorrect." in response.get_data(as_text=True)


def test_session_cookie_is_http_only_and_same_site_lax(client):
    UserFactory(email=EMAIL)
    response = client.post("/sign-in", data={"email": EMAIL, "password": PASSWORD, "remember": "y"})
    cookies = {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}
    assert set(cookies) == {"session", "remember_token", "device"}
    for header in cookies.values():
        attributes = [part.strip().lower() for part in header.split(";")]
        assert "httponly" in attributes
        assert "samesite=lax" in attributes


def test_a_copied_remember_cookie_is_refused_after_sign_out(app, client):
    UserFactory(email=EMAIL)
    client.post("/sign-in", data={"email": EMAIL, "password": PASSWORD, "remember": "y"})
    remember = client.get_cookie("remember_token")
    assert remember is not None
    thief = app.test_client()
    thief.set_cookie("remember_token", remember.value)
    assert is_signed_in(thief)  # the remember cookie alone opens a session
    client.post("/sign-out")
    late_thief = app.test_client()
    late_thief.set_cookie("remember_token", remember.value)
    assert not is_signed_in(late_thief)
    assert not is_signed_in(thief)
