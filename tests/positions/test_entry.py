"""Recording positions in a round: quick entry kept ready for the next, type-ahead matching,
bad input answered next to the field, corrections, publishing."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from tests import factories
from tests.positions.helpers import a_round, entry
from tracker.core.extensions import db
from tracker.records.positions import RoundPosition


def _count() -> int:
    return db.session.scalar(select(func.count(RoundPosition.id)))


def test_a_member_records_a_position_and_the_form_comes_back_ready(client, login_as):
    r = a_round()
    login_as("member")
    response = client.post("/positions/new", data=entry(r, government="mex"))
    assert response.status_code == 302
    kept = parse_qs(urlsplit(response.headers["Location"]).query)
    assert kept["round"] == [str(r.milestone.id)]
    assert kept["paragraph"] == ["21(c)"]
    assert kept["act"] == [str(r.act.id)]
    position = db.session.scalars(select(RoundPosition)).one()
    assert position.government_id == r.mexico.id
    assert position.paragraph_id == r.paragraph.id
    assert position.visibility == "civil_society"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Recorded: Mexico · Supports · 21(c) · Plenary statement." in page
    assert re.search(r'<input[^>]*name="paragraph_ref"[^>]*value="21\(c\)"', page)
    assert f'<option selected value="{r.milestone.id}">' in page
    assert '<datalist id="parties">' in page
    assert '<option value="Mexico">' in page
    # The position is listed under the form; no position is ticked for the next one.
    assert "Last recorded in this round" in page
    assert not re.search(r'<input[^>]*checked[^>]*name="stand"', page)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("European Union (EU)", "group"), ("eu", "group"), ("MEXICO", "mexico"), ("Mexi", "mexico")],
)
def test_a_government_or_group_is_found_from_part_of_its_name(client, login_as, typed, expected):
    r = a_round()
    login_as("member")
    assert client.post("/positions/new", data=entry(r, government=typed)).status_code == 302
    assert db.session.scalars(select(RoundPosition)).one().government_id == getattr(r, expected).id


def _error_next_to(html: str, field: str) -> str:
    found = re.search(rf'id="{field}"[^>]*>.*?invalid-feedback[^>]*>\s*(.*?)\s*</div>', html, re.S)
    assert found, f"no error next to {field}"
    return found.group(1)


def test_an_unknown_government_is_answered_next_to_the_field(client, login_as):
    r = a_round()
    login_as("member")
    response = client.post("/positions/new", data=entry(r, government="Atlantis"))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "No government or group is called “Atlantis”." in _error_next_to(html, "government")
    assert _count() == 0


def test_several_matches_are_named(client, login_as):
    r = a_round()
    factories.GovernmentFactory(name="Guinea")
    factories.GovernmentFactory(name="Guinea-Bissau")
    login_as("member")
    response = client.post("/positions/new", data=entry(r, government="guin"))
    assert response.status_code == 422
    assert "Guinea, Guinea-Bissau" in _error_next_to(response.get_data(as_text=True), "government")
    assert _count() == 0


def test_an_unknown_paragraph_is_answered_next_to_the_field(client, login_as):
    r = a_round()
    login_as("member")
    response = client.post("/positions/new", data=entry(r, paragraph_ref="99(z)"))
    assert response.status_code == 422
    message = _error_next_to(response.get_data(as_text=True), "paragraph_ref")
    assert "Zero draft has no paragraph 99(z)." in message
    assert _count() == 0


@pytest.mark.parametrize("typed", ["21 (c)", "¶21(c)", "para. 21(C)"])
def test_a_paragraph_is_found_however_its_reference_is_typed(client, login_as, typed):
    r = a_round()
    login_as("member")
    assert client.post("/positions/new", data=entry(r, paragraph_ref=typed)).status_code == 302
    assert db.session.scalars(select(RoundPosition)).one().paragraph_ref == "21(c)"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"stand": ""}, "stand", "Choose the position taken."),
        ({"stand": "amends"}, "amendment", "Give the wording of the amendment."),
        ({"paragraph_ref": "", "key_message_id": "0"}, "paragraph_ref", "Give the paragraph"),
        ({"stand": "applauds"}, "stand", "Not a valid choice"),
    ],
)
def test_incomplete_entries_are_refused_with_a_message(client, login_as, fields, field, message):
    r = a_round()
    login_as("member")
    response = client.post("/positions/new", data=entry(r, **fields))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    if field == "stand":
        assert message in html.split('id="stand-errors"')[1][:200]
    else:
        assert message in _error_next_to(html, field)
    assert _count() == 0


def test_a_key_message_of_another_act_is_refused(client, login_as):
    r = a_round()
    other = factories.KeyMessageFactory(act=factories.ActFactory(number=4), rank=1)
    login_as("member")
    response = client.post(
        "/positions/new", data=entry(r, paragraph_ref="", key_message_id=str(other.id))
    )
    assert response.status_code == 422
    assert "under ACT 4" in _error_next_to(response.get_data(as_text=True), "key_message_id")


def test_an_amendment_is_kept_with_its_text(client, login_as):
    r = a_round()
    login_as("member")
    data = entry(r, stand="amends", amendment="Replace “strive to end” with “end”.")
    assert client.post("/positions/new", data=data).status_code == 302
    assert db.session.scalars(select(RoundPosition)).one().amendment.startswith("Replace")


def test_observers_may_not_record(client, login_as):
    r = a_round()
    login_as("observer")
    assert client.post("/positions/new", data=entry(r)).status_code == 403
    assert _count() == 0


def test_a_stale_correction_is_a_conflict_that_keeps_what_was_typed(client, login_as):
    r = a_round()
    position = factories.RoundPositionFactory(
        milestone=r.milestone, government=r.mexico, act=r.act, paragraph_ref="21(c)"
    )
    login_as("member")
    stale = str(position.version)
    first = entry(r, stand="reserves", version=stale)
    assert client.post(f"/positions/{position.id}/edit", data=first).status_code == 302
    second = entry(r, stand="opposes", version=stale)
    response = client.post(f"/positions/{position.id}/edit", data=second)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "Mexico · Reserves" in html
    assert "Mexico · Opposes" in html
    db.session.expire_all()
    assert db.session.get(RoundPosition, position.id).stand == "reserves"


def test_observers_read_published_positions_only(client, login_as):
    r = a_round()
    factories.RoundPositionFactory(
        milestone=r.milestone,
        government=r.mexico,
        act=r.act,
        paragraph_ref="21(c)",
        stand="opposes",
        note="Said in the corridor",
    )
    shared = factories.RoundPositionFactory(
        milestone=r.milestone,
        government=r.group,
        act=r.act,
        paragraph_ref="21(c)",
        visibility="shared",
        note="Internal note",
    )
    login_as("observer")
    html = client.get("/positions").get_data(as_text=True)
    assert "European Union (EU)" in html
    assert "Opposes" not in html
    assert "Said in the corridor" not in html
    assert "Internal note" not in html
    assert client.get(f"/positions/{shared.id}/edit").status_code == 403
    page = client.get(f"/governments/{r.mexico.id}").get_data(as_text=True)
    assert "Opposes" not in page


def test_a_coordinator_publishes_and_withdraws_a_position(client, login_as):
    r = a_round()
    position = factories.RoundPositionFactory(
        milestone=r.milestone, government=r.mexico, act=r.act, paragraph_ref="21(c)"
    )
    login_as("coordinator")
    assert client.post(f"/positions/{position.id}/publish").status_code == 302
    db.session.expire_all()
    assert db.session.get(RoundPosition, position.id).visibility == "shared"
    assert client.post(f"/positions/{position.id}/withdraw").status_code == 302
    db.session.expire_all()
    assert db.session.get(RoundPosition, position.id).visibility == "civil_society"


@pytest.mark.parametrize("url", ["/positions", "/positions/new"])
def test_position_pages_run_the_same_queries_whatever_their_size(
    client, login_as, count_queries, url
):
    r = a_round()
    login_as("member")

    def add(size: int) -> None:
        for _ in range(size):
            factories.RoundPositionFactory(
                milestone=r.milestone,
                government=factories.GovernmentFactory(),
                act=r.act,
                key_message=r.message,
                paragraph_ref="21(c)",
            )
        db.session.commit()

    add(1)
    with count_queries() as small:
        assert client.get(url).status_code == 200
    add(15)
    with count_queries() as large:
        assert client.get(url).status_code == 200
    assert large.count == small.count


def test_observers_count_only_published_positions(client, login_as):
    r = a_round()
    for visibility in ("civil_society", "civil_society", "shared"):
        factories.RoundPositionFactory(
            milestone=r.milestone,
            government=r.mexico,
            act=r.act,
            paragraph_ref="21(c)",
            visibility=visibility,
        )
    login_as("member")
    assert "3 positions" in client.get("/governments").get_data(as_text=True)
    login_as("observer")
    html = client.get("/governments").get_data(as_text=True)
    assert "1 position" in html
    assert "3 positions" not in html


def test_the_list_of_one_governments_positions_names_it(client, login_as):
    r = a_round()
    factories.RoundPositionFactory(
        milestone=r.milestone, government=r.group, act=r.act, paragraph_ref="21(c)"
    )
    login_as("member")
    html = client.get(f"/positions?government={r.group.id}").get_data(as_text=True)
    assert f'<a href="/governments/{r.group.id}">European Union (EU)</a></p>' in html
    assert client.get("/positions?government=99999999999").status_code == 200


@pytest.mark.parametrize(("role", "shared"), [("coordinator", True), ("member", False)])
def test_only_a_coordinator_shares_a_position_as_it_is_recorded(client, login_as, role, shared):
    r = a_round()
    login_as(role)
    assert client.post("/positions/new", data=entry(r, share="y")).status_code == 302
    position = db.session.scalars(select(RoundPosition)).one()
    assert (position.visibility == "shared") is shared
