"""Signing in: where it leads, what a wrong password says, and where `next` may go."""

import pytest

from tests.factories import PASSWORD, UserFactory

WRONG_CREDENTIALS = "Email or password is incorrect."


def sign_in(client, email, password, next_url=None):
    url = "/sign-in" if next_url is None else f"/sign-in?next={next_url}"
    return client.post(url, data={"email": email, "password": password})


def test_sign_in_leads_to_the_dashboard(client):
    user = UserFactory(email="ana@example.net")
    response = sign_in(client, "ana@example.net", PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"
    dashboard = client.get("/dashboard")
    assert dashboard.status_code == 200
    assert user.name in dashboard.get_data(as_text=True)


def test_email_is_matched_whatever_its_case(client):
    UserFactory(email="ana@example.net")
    assert sign_in(client, "  Ana@Example.NET ", PASSWORD).headers["Location"] == "/dashboard"


def test_wrong_password_and_unknown_email_get_the_same_message(client):
    UserFactory(email="ana@example.net")
    wrong_password = sign_in(client, "ana@example.net", "not the right password")
    unknown_email = sign_in(client, "nobody@example.net", PASSWORD)
    assert wrong_password.status_code == unknown_email.status_code == 401
    assert WRONG_CREDENTIALS in wrong_password.get_data(as_text=True)
    assert WRONG_CREDENTIALS in unknown_email.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302  # still signed out


def test_signed_out_visitor_is_sent_to_sign_in_and_comes_back(client):
    UserFactory(email="ana@example.net")
    response = client.get("/acts")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")
    assert sign_in(client, "ana@example.net", PASSWORD, "/acts").headers["Location"] == "/acts"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/\r\nSet-Cookie:x=1",
    ],
)
def test_next_never_leaves_the_site(client, target):
    UserFactory(email="ana@example.net")
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={"email": "ana@example.net", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"


def test_signed_in_user_visiting_sign_in_goes_to_the_dashboard(client, login_as):
    login_as("member")
    response = client.get("/sign-in")
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard"


def test_sign_in_form_without_fields_answers_400_with_messages(client):
    response = client.post("/sign-in", data={})
    assert response.status_code == 400
    assert "This field is required." in response.get_data(as_text=True)
