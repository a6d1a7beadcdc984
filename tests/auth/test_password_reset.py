"""Forgot your password: a single-use link, valid for an hour, mailed through the outbox.

The answer never tells whether an account exists; setting the new password ends every
other session and signs the person in on this device.
"""

import logging
import re
from datetime import UTC, timedelta

from sqlalchemy import select, update

from tests.auth.workers import configure
from tests.factories import PASSWORD, UserFactory
from tests.pages import error_next_to
from tracker.auth.devices import COOKIE_NAME
from tracker.core.extensions import db
from tracker.core.mail import OutboxMessage
from tracker.core.models import real_utcnow
from tracker.records.accounts import PasswordReset, PasswordResetRequest, User

EMAIL = "ana@example.net"
NEW_PASSWORD = "a fresh and long passphrase"
SENT = "If an account exists for this address, we have sent a link to reset its password."
NOT_VALID = "This link has expired or was used"
LINK = re.compile(r"http://127\.0\.0\.1:5000(/reset-password/[A-Za-z0-9_-]+)")


def ask(client, email=EMAIL, address="192.0.2.1", **kwargs):
    client.environ_base["REMOTE_ADDR"] = address
    return client.post("/forgot-password", data={"email": email}, **kwargs)


def mails() -> list[OutboxMessage]:
    db.session.commit()  # a fresh look at what the app committed since
    return db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def link_in(message: OutboxMessage) -> str:
    match = LINK.search(message.body)
    assert match, "the mail holds a link starting with PUBLIC_URL"
    return match.group(1)


def mailed_link(client, email=EMAIL) -> str:
    response = ask(client, email)
    assert response.status_code == 200
    response.close()
    return link_in(mails()[-1])


def set_password(client, path, password=NEW_PASSWORD):
    return client.post(path, data={"new_password": password, "confirm": password})


def is_signed_in(client) -> bool:
    return client.get("/dashboard").status_code == 200


def without_csrf_tokens(html: str) -> str:
    return re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token"', html)


def test_the_sign_in_page_links_to_the_forgotten_password_page(client):
    html = client.get("/sign-in").get_data(as_text=True)
    assert '<a href="/forgot-password">Forgot your password?</a>' in html
    page = client.get("/forgot-password")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<h1" in html
    assert "Forgot your password?" in html
    assert re.search(r'<label[^>]*for="email"', html)


def test_a_known_address_gets_a_working_link_by_mail(client):
    UserFactory(email=EMAIL)
    response = ask(client)
    assert response.status_code == 200
    assert SENT in response.get_data(as_text=True)
    [message] = mails()
    assert message.recipient == EMAIL
    assert message.subject == "Reset your password for the advocacy tracker"
    assert "within 60 minutes" in message.body
    assert message.sent_at is None
    response.close()  # the mail leaves once the answer is sent
    assert mails()[0].sent_at is not None
    path = link_in(message)
    page = client.get(path)
    assert page.status_code == 200
    assert EMAIL in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    done = set_password(client, path)
    assert done.status_code == 302
    assert done.headers["Location"] == "/dashboard"
    assert "Your new password is set." in client.get("/dashboard").get_data(as_text=True)
    client.post("/sign-out")
    fresh = client.application.test_client()
    assert fresh.post("/sign-in", data={"email": EMAIL, "password": PASSWORD}).status_code == 401
    signed_in = fresh.post("/sign-in", data={"email": EMAIL, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_only_the_tokens_hash_is_stored_and_the_link_lasts_an_hour(client):
    UserFactory(email=EMAIL)
    path = mailed_link(client)
    token = path.rsplit("/", 1)[1]
    reset = db.session.scalar(select(PasswordReset))
    assert len(token) >= 43
    assert token not in reset.token_hash
    assert len(reset.token_hash) == 64
    created, expires = (
        moment.replace(tzinfo=UTC) for moment in (reset.created_at, reset.expires_at)
    )
    assert expires - created == timedelta(hours=1)
    assert abs(created - real_utcnow()) < timedelta(minutes=1)  # real time, not the pinned date


def test_the_mail_is_in_the_persons_language(client):
    UserFactory(email=EMAIL, locale="fr")
    UserFactory(email="bea@example.net")
    ask(client, EMAIL)
    ask(client, "bea@example.net", headers={"Accept-Language": "es"})
    french, spanish = mails()
    assert french.subject == "Réinitialisez votre mot de passe du suivi du plaidoyer"
    assert "60 minutes" in french.body
    assert spanish.subject == "Restablezca su contraseña del seguimiento de incidencia"


def test_the_answer_is_the_same_for_unknown_inactive_and_known_addresses(client):
    UserFactory(email=EMAIL)
    UserFactory(email="gone@example.net", active=False)
    UserFactory(email="invited@example.net", password_hash=None)
    answers = [
        ask(client, email, address=f"192.0.2.{n}")
        for n, email in enumerate(
            [EMAIL, "nobody@example.net", "gone@example.net", "invited@example.net"]
        )
    ]
    assert {answer.status_code for answer in answers} == {200}
    bodies = {without_csrf_tokens(answer.get_data(as_text=True)) for answer in answers}
    assert len(bodies) == 1
    assert SENT in bodies.pop()
    assert [message.recipient for message in mails()] == [EMAIL]


def test_the_link_works_once(client, app):
    UserFactory(email=EMAIL)
    path = mailed_link(client)
    assert set_password(client, path).status_code == 302
    client.post("/sign-out")
    for response in (client.get(path), set_password(client, path, "another long passphrase")):
        assert response.status_code == 404
        html = response.get_data(as_text=True)
        assert NOT_VALID in html
        assert 'href="/forgot-password"' in html
    refused = app.test_client().post(
        "/sign-in", data={"email": EMAIL, "password": "another long passphrase"}
    )
    assert refused.status_code == 401


def test_an_expired_link_is_refused(client):
    user = UserFactory(email=EMAIL)
    before = user.password_hash
    path = mailed_link(client)
    db.session.execute(
        update(PasswordReset).values(expires_at=real_utcnow() - timedelta(minutes=1))
    )
    db.session.commit()
    for response in (client.get(path), set_password(client, path)):
        assert response.status_code == 404
        assert NOT_VALID in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.password_hash == before


def test_links_long_expired_are_forgotten(client):
    user = UserFactory(email=EMAIL)
    now = real_utcnow()
    db.session.add(
        PasswordReset(
            token_hash="0" * 64,
            user_id=user.id,
            created_at=now - timedelta(days=2),
            expires_at=now - timedelta(days=2) + timedelta(hours=1),
        )
    )
    mailed_link(client)
    assert "0" * 64 not in db.session.scalars(select(PasswordReset.token_hash)).all()


def test_a_mistyped_link_is_refused(client):
    response = client.get("/reset-password/not-a-real-token")
    assert response.status_code == 404
    assert NOT_VALID in response.get_data(as_text=True)


def test_a_deactivated_accounts_link_is_refused(client):
    user = UserFactory(email=EMAIL)
    path = mailed_link(client)
    user.active = False
    db.session.commit()
    assert client.get(path).status_code == 404


def test_setting_the_password_ends_every_other_session(app, client):
    UserFactory(email=EMAIL)
    other_device = app.test_client()
    assert (
        other_device.post("/sign-in", data={"email": EMAIL, "password": PASSWORD}).status_code
        == 302
    )
    assert is_signed_in(other_device)
    path = mailed_link(client)
    assert set_password(client, path).status_code == 302
    assert is_signed_in(client)
    assert not is_signed_in(other_device)
    assert client.get_cookie(COOKIE_NAME) is not None  # this device is now a known one


def test_using_a_link_ends_the_other_outstanding_links(client):
    UserFactory(email=EMAIL)
    first = mailed_link(client)
    second = mailed_link(client)
    assert first != second
    assert set_password(client, second).status_code == 302
    assert client.get(first).status_code == 404
    assert db.session.scalar(select(PasswordReset).where(PasswordReset.used_at.is_(None))) is None


def test_the_new_password_follows_the_rules(client):
    UserFactory(email=EMAIL)
    path = mailed_link(client)
    response = set_password(client, path, "password1234")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert error_next_to(html, "new_password") == "This password is too common; choose another."
    mismatch = client.post(path, data={"new_password": NEW_PASSWORD, "confirm": "something else"})
    assert error_next_to(mismatch.get_data(as_text=True), "confirm") == "The passwords differ."
    assert set_password(client, path).status_code == 302  # the link still works


def test_the_form_needs_an_email(client):
    response = client.post("/forgot-password", data={"email": ""})
    assert response.status_code == 422
    assert error_next_to(response.get_data(as_text=True), "email") == "This field is required."
    assert mails() == []


def test_the_link_starts_with_the_public_url_whatever_the_host_header(client):
    UserFactory(email=EMAIL)
    ask(client, headers={"Host": "evil.example"})
    body = mails()[0].body
    assert "evil.example" not in body
    assert LINK.search(body)


def test_requests_are_logged(client, caplog):
    UserFactory(email=EMAIL)
    with caplog.at_level(logging.INFO, logger="tracker.auth"):
        ask(client, EMAIL, address="192.0.2.9")
        ask(client, "nobody@example.net", address="192.0.2.9")
    assert f"password reset link for {EMAIL} asked from 192.0.2.9" in caplog.text
    assert "password reset asked for nobody@example.net from 192.0.2.9" in caplog.text


# Throttling


def test_at_most_three_mails_per_email_and_hour_with_the_same_answer(client):
    UserFactory(email=EMAIL)
    answers = [ask(client, address=f"192.0.2.{n}") for n in range(5)]
    assert {answer.status_code for answer in answers} == {200}
    assert len({without_csrf_tokens(a.get_data(as_text=True)) for a in answers}) == 1
    assert len(mails()) == 3
    # An hour later, another link may go.
    db.session.execute(
        update(PasswordReset).values(created_at=real_utcnow() - timedelta(minutes=61))
    )
    db.session.commit()
    ask(client, address="192.0.2.200")
    assert len(mails()) == 4


def test_an_address_asking_too_often_is_told_to_wait(site):
    client = site.client()
    for n in range(10):
        assert ask(client, f"person{n}@example.net", address="203.0.113.5").status_code == 200
    refused = ask(client, EMAIL, address="203.0.113.5")
    assert refused.status_code == 429
    assert re.search(
        r"Too many requests for a reset link from your network\. Try again in 60 minutes\.",
        refused.get_data(as_text=True),
    )
    assert 3500 < int(refused.headers["Retry-After"]) <= 3600
    assert ask(client, EMAIL, address="203.0.113.6").status_code == 200
    stored = db.session.scalars(select(PasswordResetRequest)).all()
    if site.store == "redis":
        assert stored == []
        assert site.redis_db.zcard("tracker:password-reset:address:203.0.113.5") == 10
    else:
        assert len(stored) == 11


def test_an_address_may_ask_again_after_an_hour(client):
    for n in range(10):
        ask(client, f"person{n}@example.net", address="203.0.113.5")
    assert ask(client, address="203.0.113.5").status_code == 429
    for request in db.session.scalars(select(PasswordResetRequest)):
        request.requested_at -= timedelta(minutes=61)
    db.session.commit()
    assert ask(client, address="203.0.113.5").status_code == 200


# CSRF


def csrf_token_of(html: str) -> str:
    match = re.search(r'<input [^>]*name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the form carries a CSRF token"
    return match.group(1)


def test_both_forms_need_the_csrf_token(app, client, monkeypatch):
    configure(app, monkeypatch, WTF_CSRF_ENABLED=True)
    UserFactory(email=EMAIL)
    assert client.post("/forgot-password", data={"email": EMAIL}).status_code == 400
    assert mails() == []
    token = csrf_token_of(client.get("/forgot-password").get_data(as_text=True))
    answer = client.post("/forgot-password", data={"email": EMAIL, "csrf_token": token})
    assert answer.status_code == 200
    path = link_in(mails()[0])
    form = {"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert client.post(path, data=form).status_code == 400
    token = csrf_token_of(client.get(path).get_data(as_text=True))
    assert client.post(path, data={**form, "csrf_token": token}).status_code == 302
    user = db.session.scalar(select(User).where(User.email == EMAIL))
    db.session.refresh(user)
    assert user.password_hash.startswith("$argon2id$")
