"""The people page: who may invite, change roles and deactivate, and whom."""

import pytest
from sqlalchemy import select

from tests.factories import PASSWORD, UserFactory
from tracker.core.extensions import db
from tracker.records.accounts import User

NOT_ALLOWED = "Your role does not allow this."


def reload(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def change_role(client, user, role):
    return client.post(f"/admin/users/{user.id}/role", data={"role": role})


def test_people_page_lists_everyone(client, login_as):
    login_as("coordinator", name="Camila Coordinator")
    UserFactory(name="Mariam Member", email="mariam@example.net")
    UserFactory(name="Olivier Observer", email="olivier@example.net", role="observer")
    UserFactory(name="Dora Deactivated", email="dora@example.net", active=False)
    page = client.get("/admin/users")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for text in (
        "Camila Coordinator",
        "Mariam Member",
        "mariam@example.net",
        "Olivier Observer",
        "Dora Deactivated",
        "Deactivated",
        "Invite someone",
    ):
        assert text in html


def test_coordinator_changes_a_members_role(client, login_as):
    login_as("coordinator")
    member = UserFactory(role="member", name="Mariam Member")
    response = change_role(client, member, "rapporteur")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/users"
    assert reload(member).role == "rapporteur"
    assert "Mariam Member is now Rapporteur." in client.get("/admin/users").get_data(as_text=True)


def test_a_role_change_takes_effect_on_the_persons_open_session(app, client, login_as):
    member = UserFactory(role="member", email="mariam@example.net")
    person = app.test_client()
    person.post("/sign-in", data={"email": "mariam@example.net", "password": PASSWORD})
    login_as("coordinator")
    change_role(client, member, "observer")
    response = person.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


def test_coordinator_deactivates_and_reactivates_a_member(client, login_as):
    login_as("coordinator")
    member = UserFactory(role="member", name="Mariam Member")
    response = client.post(f"/admin/users/{member.id}/deactivate")
    assert response.status_code == 302
    assert reload(member).active is False
    assert "Mariam Member can no longer sign in." in client.get("/admin/users").get_data(
        as_text=True
    )
    assert client.post(f"/admin/users/{member.id}/reactivate").status_code == 302
    assert reload(member).active is True


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinator_cannot_give_a_staff_role(client, login_as, role):
    login_as("coordinator")
    member = UserFactory(role="member")
    assert change_role(client, member, role).status_code == 403
    assert reload(member).role == "member"


@pytest.mark.parametrize("target_role", ["admin", "coordinator"])
@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("role", {"role": "member"}),
        ("deactivate", {}),
        ("reactivate", {}),
        ("reinvite", {}),
    ],
)
def test_coordinator_cannot_manage_staff_accounts(client, login_as, target_role, action, data):
    login_as("coordinator")
    target = UserFactory(role=target_role)
    response = client.post(f"/admin/users/{target.id}/{action}", data=data)
    assert response.status_code == 403
    assert NOT_ALLOWED in response.get_data(as_text=True)
    target = reload(target)
    assert target.role == target_role
    assert target.active is True


def test_coordinator_sees_no_controls_for_staff_accounts(client, login_as):
    login_as("coordinator")
    admin = UserFactory(role="admin")
    member = UserFactory(role="member")
    html = client.get("/admin/users").get_data(as_text=True)
    assert f"/admin/users/{member.id}/deactivate" in html
    assert f"/admin/users/{admin.id}/deactivate" not in html
    assert f"/admin/users/{admin.id}/role" not in html


def test_admin_manages_a_coordinator(client, login_as):
    login_as("admin")
    coordinator = UserFactory(role="coordinator")
    assert change_role(client, coordinator, "member").status_code == 302
    assert reload(coordinator).role == "member"
    assert client.post(f"/admin/users/{coordinator.id}/deactivate").status_code == 302
    assert reload(coordinator).active is False


def test_admin_cannot_lock_themself_out(client, login_as):
    admin = login_as("admin")
    assert client.post(f"/admin/users/{admin.id}/deactivate").status_code == 403
    assert change_role(client, admin, "member").status_code == 403
    assert reload(admin).active is True


def test_a_missing_account_is_404(client, login_as):
    login_as("admin")
    assert client.post("/admin/users/999999/deactivate").status_code == 404


def test_an_unknown_role_is_refused(client, login_as):
    login_as("admin")
    member = UserFactory(role="member")
    assert change_role(client, member, "superuser").status_code == 400
    assert reload(member).role == "member"


@pytest.mark.parametrize("role", ["member", "rapporteur", "observer"])
def test_other_roles_get_403_everywhere(client, login_as, role):
    login_as(role)
    target = UserFactory(role="member")
    assert client.get("/admin/users").status_code == 403
    posts = {
        "/admin/users/invite": {
            "invite-name": "Someone",
            "invite-email": "someone@example.net",
            "invite-role": "member",
            "invite-organization_id": "0",
        },
        f"/admin/users/{target.id}/role": {"role": "observer"},
        f"/admin/users/{target.id}/deactivate": {},
        f"/admin/users/{target.id}/reactivate": {},
        f"/admin/users/{target.id}/reinvite": {},
    }
    for url, data in posts.items():
        response = client.post(url, data=data)
        assert response.status_code == 403, url
        assert NOT_ALLOWED in response.get_data(as_text=True)
    target = reload(target)
    assert (target.role, target.active) == ("member", True)
    assert db.session.scalar(select(User).where(User.email == "someone@example.net")) is None
