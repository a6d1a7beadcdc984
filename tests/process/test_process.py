"""The road to adoption and the organisations, kept by coordinators; a page per
organisation with its people and its actions; organisations imported from a file."""

import io
from datetime import date

from sqlalchemy import func, select

from tests import factories
from tracker.core.extensions import db
from tracker.records.accounts import Organization
from tracker.records.agenda import Milestone


def test_a_coordinator_adds_moves_and_renames_a_round(client, login_as):
    login_as("coordinator")
    response = client.post(
        "/milestones/new",
        data={
            "title": "Third round",
            "kind": "negotiation",
            "starts_on": "2018-04-03",
            "ends_on": "2018-04-06",
            "place": "New York",
        },
    )
    assert response.status_code == 302
    milestone = db.session.scalar(select(Milestone))
    assert (milestone.title, str(milestone.kind), milestone.ends_on) == (
        "Third round",
        "negotiation",
        date(2018, 4, 6),
    )
    response = client.post(
        f"/milestones/{milestone.id}/edit",
        data={
            "title": "Third negotiation round",
            "kind": "negotiation",
            "starts_on": "2018-04-09",
            "ends_on": "",
            "place": "New York",
            "version": milestone.version,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (milestone.title, milestone.starts_on, milestone.ends_on) == (
        "Third negotiation round",
        date(2018, 4, 9),
        None,
    )
    html = client.get("/milestones").get_data(as_text=True)
    assert "Third negotiation round" in html
    assert "Negotiation round" in html


def test_a_milestone_saved_meanwhile_is_not_overwritten(client, login_as):
    milestone = factories.MilestoneFactory(title="Zero draft")
    db.session.flush()
    stale = milestone.version
    login_as("coordinator")
    fields = {"kind": "draft", "starts_on": "2018-02-05", "ends_on": "", "place": ""}
    first = client.post(
        f"/milestones/{milestone.id}/edit", data={**fields, "title": "Mine", "version": stale}
    )
    assert first.status_code == 302
    second = client.post(
        f"/milestones/{milestone.id}/edit", data={**fields, "title": "Theirs", "version": stale}
    )
    assert second.status_code == 409
    assert 'value="Theirs"' in second.get_data(as_text=True)
    db.session.expire_all()
    assert milestone.title == "Mine"


def test_a_bad_milestone_is_refused_next_to_its_field(client, login_as):
    login_as("coordinator")
    response = client.post(
        "/milestones/new",
        data={
            "title": "Round",
            "kind": "negotiation",
            "starts_on": "2018-04-03",
            "ends_on": "2018-04-01",
        },
    )
    assert response.status_code == 422
    assert "The milestone ends after it starts." in response.get_data(as_text=True)
    assert db.session.scalar(select(Milestone.id)) is None


ORGANIZATION = {
    "name": "Migrant Forum in Asia",
    "acronym": "MFA",
    "region": "Asia",
    "kind": "network",
    "signed_on": "2017-11-30",
}


def test_a_coordinator_adds_and_edits_an_organisation(client, login_as):
    login_as("coordinator")
    response = client.post("/organizations/new", data=ORGANIZATION)
    assert response.status_code == 302
    organization = db.session.scalar(select(Organization))
    assert (organization.acronym, organization.signed_on) == ("MFA", date(2017, 11, 30))
    again = client.post(
        "/organizations/new", data={**ORGANIZATION, "name": "migrant forum in asia"}
    )
    assert again.status_code == 422
    assert "already in the workspace" in again.get_data(as_text=True)
    response = client.post(
        f"/organizations/{organization.id}/edit",
        data={
            **ORGANIZATION,
            "region": "Asia-Pacific",
            "signed_on": "",
            "version": organization.version,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (organization.region, organization.signed_on) == ("Asia-Pacific", None)


def test_an_organisation_page_shows_its_people_and_their_actions(client, login_as):
    organization = factories.OrganizationFactory(name="Solidarity Center")
    person = factories.UserFactory(name="Neha Misra", organization=organization)
    factories.UserFactory(name="Someone Else")
    act = factories.ActFactory(number=4)
    factories.ActionFactory(act=act, owner=person, title="Brief the Geneva missions")
    factories.ActionFactory(act=act, organization=organization, title="Organise a side event")
    factories.ActionFactory(act=act, title="Not theirs")
    login_as("member")
    html = client.get(f"/organizations/{organization.id}").get_data(as_text=True)
    assert "Neha Misra" in html
    assert "Someone Else" not in html
    assert "Brief the Geneva missions" in html
    assert "Organise a side event" in html
    assert "Not theirs" not in html
    login_as("observer")
    assert client.get(f"/organizations/{organization.id}").status_code == 403


def test_organisation_pages_run_the_same_queries_whatever_their_size(
    client, login_as, count_queries
):
    organization = factories.OrganizationFactory()
    act = factories.ActFactory(number=1)
    factories.ActionFactory(act=act, owner=factories.UserFactory(organization=organization))
    factories.MilestoneFactory()
    login_as("member")
    pages = [f"/organizations/{organization.id}", "/organizations", "/milestones"]
    small = {}
    for page in pages:
        with count_queries() as counter:
            assert client.get(page).status_code == 200
        small[page] = counter.count
    for _ in range(12):
        person = factories.UserFactory(organization=organization)
        factories.ActionFactory(act=factories.ActFactory(), owner=person)
        factories.ActionFactory(act=act, organization=organization)
        factories.OrganizationFactory()
        factories.MilestoneFactory()
    for page in pages:
        with count_queries() as counter:
            assert client.get(page).status_code == 200
        assert counter.count == small[page], page


def upload(client, url: str, content: bytes, name: str = "organisations.csv"):
    return client.post(
        url, data={"file": (io.BytesIO(content), name)}, content_type="multipart/form-data"
    )


def test_organisations_import_from_a_csv_after_a_preview(client, login_as):
    import re

    login_as("coordinator")
    content = (
        b"name,acronym,region,kind,signed_on\n"
        b"Gozour,,Middle East and North Africa,network,2017-11-20\n"
        b"Pacific Women's Network,PWN,Pacific,ngo,\n"
    )
    preview = upload(client, "/organizations/import", content)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "2 organisations will be added" in html
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0
    hidden = dict(re.findall(r'name="(content|filename)" type="hidden" value="([^"]*)"', html))
    assert client.post("/organizations/import/confirm", data=hidden).status_code == 302
    names = db.session.scalars(select(Organization.name).order_by(Organization.name)).all()
    assert names == ["Gozour", "Pacific Women's Network"]


def test_a_bad_organisations_file_saves_nothing(client, login_as):
    factories.OrganizationFactory(name="Gozour")
    login_as("coordinator")
    content = (
        b"name,kind,signed_on\nNew One,ngo,\nGozour,network,\nAnother,club,\nThird,ngo,30/11/2017\n"
    )
    response = upload(client, "/organizations/import", content)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Line 3: “Gozour” is already in the workspace." in html
    assert "Line 4: “club” is not a kind of organisation" in html
    assert "Line 5: “30/11/2017” is not a date" in html
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 1


def test_an_organisation_saved_meanwhile_shows_both_versions(client, login_as):
    organization = factories.OrganizationFactory(name="Gozour", region="MENA")
    db.session.flush()
    stale = organization.version
    login_as("coordinator")
    fields = {"name": "Gozour", "acronym": "", "kind": "network", "signed_on": ""}
    first = client.post(
        f"/organizations/{organization.id}/edit",
        data={**fields, "region": "Middle East", "version": stale},
    )
    assert first.status_code == 302
    second = client.post(
        f"/organizations/{organization.id}/edit",
        data={**fields, "region": "North Africa", "version": stale},
    )
    html = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "Middle East" in html
    assert "North Africa" in html
    db.session.expire_all()
    assert organization.region == "Middle East"
