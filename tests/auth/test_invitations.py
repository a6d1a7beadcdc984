"""Invitations: a single-use, expiring link, shown to the inviter and written to the outbox."""

import re
from datetime import UTC, timedelta

import pytest
from sqlalchemy import select, update

from tests.pages import error_next_to
from tracker.core.extensions import db
from tracker.core.mail import OutboxMessage
from tracker.core.models import real_utcnow
from tracker.records.accounts import Invitation, User

INVITEE = "new.person@example.net"
NEW_PASSWORD = "a long enough passphrase"


def invite(client, role="member", email=INVITEE):
    return client.post(
        "/admin/users/invite",
        data={
            "invite-name": "New Person",
            "invite-email": email,
            "invite-role": role,
            "invite-organization_id": "0",
        },
    )


def shown_link(html: str) -> str:
    match = re.search(r'id="invitation-url"[^>]*value="([^"]+)"', html)
    assert match, "the invitation link is shown to the inviter"
    return match.group(1)


def path_of(url: str) -> str:
    assert url.startswith("http://localhost/invitation/")
    return url.removeprefix("http://localhost")


def set_password(client, path, password=NEW_PASSWORD):
    return client.post(path, data={"new_password": password, "confirm": password})


@pytest.fixture
def invitation_path(app, client, login_as) -> str:
    """Invite someone as a coordinator; return the link's path, signed out again."""
    login_as("coordinator")
    response = invite(client)
    assert response.status_code == 201
    path = path_of(shown_link(response.get_data(as_text=True)))
    client.post("/sign-out")
    return path


def test_coordinator_invites_by_email_and_sees_the_link(client, login_as):
    coordinator = login_as("coordinator")
    response = invite(client)
    assert response.status_code == 201
    html = response.get_data(as_text=True)
    assert "New Person is invited." in html
    link = shown_link(html)
    messages = db.session.scalars(select(OutboxMessage)).all()
    assert len(messages) == 1
    assert messages[0].recipient == INVITEE
    assert link in messages[0].body
    assert coordinator.name in messages[0].body
    invitee = db.session.scalar(select(User).where(User.email == INVITEE))
    assert invitee.role == "member"
    assert invitee.password_hash is None  # nobody can sign in until the link is used


def test_the_token_is_not_stored_in_clear(invitation_path):
    token = invitation_path.rsplit("/", 1)[1]
    stored = db.session.scalar(select(Invitation.token_hash))
    assert token not in stored


def test_the_link_sets_a_password_and_signs_in(client, invitation_path):
    page = client.get(invitation_path)
    assert page.status_code == 200
    assert INVITEE in page.get_data(as_text=True)
    response = set_password(client, invitation_path)
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"
    assert "New Person" in client.get("/dashboard").get_data(as_text=True)
    client.post("/sign-out")
    signed_in = client.post("/sign-in", data={"email": INVITEE, "password": NEW_PASSWORD})
    assert signed_in.headers["Location"] == "/dashboard"
    stored = db.session.scalar(select(User.password_hash).where(User.email == INVITEE))
    assert stored.startswith("$argon2id$")


def test_the_link_works_once(client, invitation_path):
    assert set_password(client, invitation_path).status_code == 302
    client.post("/sign-out")
    for response in (
        client.get(invitation_path),
        set_password(client, invitation_path, "another long passphrase"),
    ):
        assert response.status_code == 404
        assert "This invitation link is not valid" in response.get_data(as_text=True)
    # the second use changed nothing
    refused = client.post(
        "/sign-in", data={"email": INVITEE, "password": "another long passphrase"}
    )
    assert refused.status_code == 401


def test_an_expired_link_is_refused(client, invitation_path):
    db.session.execute(update(Invitation).values(expires_at=real_utcnow() - timedelta(minutes=1)))
    db.session.commit()
    for response in (client.get(invitation_path), set_password(client, invitation_path)):
        assert response.status_code == 404
        assert "This invitation link is not valid" in response.get_data(as_text=True)
    assert db.session.scalar(select(User.password_hash).where(User.email == INVITEE)) is None


def test_the_link_expires_after_seven_days(invitation_path):
    expires_at = db.session.scalar(select(Invitation.expires_at))
    if expires_at.tzinfo is None:  # SQLite keeps UTC without the zone
        expires_at = expires_at.replace(tzinfo=UTC)
    assert timedelta(days=6, hours=23) < expires_at - real_utcnow() <= timedelta(days=7)


def test_a_mistyped_link_is_refused(client):
    response = client.get("/invitation/not-a-real-token")
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.get_data(as_text=True)


def test_the_new_password_follows_the_rules(client, invitation_path):
    response = set_password(client, invitation_path, "password1234")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert error_next_to(html, "new_password") == "This password is too common; choose another."
    # the link still works after a refused password
    assert set_password(client, invitation_path).status_code == 302


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_coordinator_cannot_invite_an_admin_or_a_coordinator(client, login_as, role):
    login_as("coordinator")
    response = invite(client, role=role)
    assert response.status_code == 422
    assert error_next_to(response.get_data(as_text=True), "invite-role") == "Not a valid choice."
    assert db.session.scalar(select(User).where(User.email == INVITEE)) is None
    assert db.session.scalars(select(OutboxMessage)).all() == []


def test_admin_may_invite_a_coordinator(client, login_as):
    login_as("admin")
    assert invite(client, role="coordinator").status_code == 201
    assert db.session.scalar(select(User.role).where(User.email == INVITEE)) == "coordinator"


def test_an_email_already_in_use_is_refused(client, login_as):
    login_as("coordinator")
    assert invite(client).status_code == 201
    response = invite(client, email=INVITEE.upper())
    assert response.status_code == 422
    assert (
        error_next_to(response.get_data(as_text=True), "invite-email")
        == "An account with this email already exists."
    )


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_the_invitation_form_offers_member_first(client, login_as, role):
    """Whoever invites, the role chosen in advance is the least powerful usual one."""
    login_as(role)
    html = client.get("/admin/users").get_data(as_text=True)
    select = html[html.index('name="invite-role"') :]
    select = select[: select.index("</select>")]
    chosen = re.findall(r'<option selected value="([^"]+)"', select)
    assert chosen == ["member"]
