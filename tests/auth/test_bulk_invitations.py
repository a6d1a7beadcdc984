"""Invitations in bulk: people from a file, shown first, then all invited or none."""

import io
import re

from sqlalchemy import func, select

from tests import factories
from tracker.core.extensions import db
from tracker.records.accounts import Invitation, User


def upload(client, content: bytes):
    return client.post(
        "/admin/users/import",
        data={"file": (io.BytesIO(content), "people.csv")},
        content_type="multipart/form-data",
    )


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_people_are_invited_from_a_csv_after_a_preview(client, login_as):
    factories.OrganizationFactory(name="Migrant Forum in Asia", acronym="MFA")
    login_as("coordinator")
    before = count(User)
    content = (
        b"email,name,role,organization\n"
        b"william@example.org,William Gois,rapporteur,MFA\n"
        b"Injy@Example.org,Injy Salem,,\n"
    )
    preview = upload(client, content)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "2 people will be invited" in html
    assert count(User) == before
    hidden = dict(re.findall(r'name="(content|filename)" type="hidden" value="([^"]*)"', html))
    done = client.post("/admin/users/import/confirm", data=hidden)
    assert done.status_code == 201
    assert "/invitation/" in done.get_data(as_text=True)
    invited = {
        u.email: u for u in db.session.scalars(select(User).where(User.password_hash.is_(None)))
    }
    assert set(invited) == {"william@example.org", "injy@example.org"}
    assert str(invited["william@example.org"].role) == "rapporteur"
    assert invited["william@example.org"].organization.acronym == "MFA"
    assert str(invited["injy@example.org"].role) == "member"
    assert count(Invitation) == 2


def test_a_bad_line_invites_nobody(client, login_as):
    factories.UserFactory(email="taken@example.org")
    login_as("coordinator")
    before = count(User)
    content = (
        b"email,name,role,organization\n"
        b"fine@example.org,Fine Person,member,\n"
        b"taken@example.org,Taken,member,\n"
        b"not-an-address,Nobody,member,\n"
        b"admin@example.org,Would Be Admin,admin,\n"
        b"other@example.org,Other,member,Unknown Org\n"
    )
    response = upload(client, content)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Line 3: taken@example.org already has an account." in html
    assert "Line 4: “not-an-address” is not an email address." in html
    assert "Line 5: You may not give the role “admin”." in html
    assert "Line 6: There is no organisation “Unknown Org”" in html
    assert count(User) == before
    assert count(Invitation) == 0
