"""Small tables: editing, publishing, stale stance forms."""

import re

from sqlalchemy import select

from tests import factories
from tests.tables.helpers import outcome_form, small_table_with_messages
from tracker.core.extensions import db
from tracker.records.tables import Stance, TableOutcome


def test_the_edit_form_opens_with_what_was_recorded(client, login_as):
    login_as("coordinator")
    outcome, (first, second), _ = small_table_with_messages(summary="Three states asked for data.")
    unrelated = factories.GovernmentFactory(name="Nobody Came From Here")
    page = client.get(f"/outcomes/{outcome.id}/edit")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert checkbox(html, "governments", first.id) == "checked"
    assert checkbox(html, "governments", second.id) == "checked"
    assert checkbox(html, "governments", unrelated.id) == "unchecked"
    assert "Three states asked for data." in html
    assert f'name="version" type="hidden" value="{outcome.version}"' in html


def checkbox(html: str, name: str, value: int) -> str | None:
    """ "checked" or "unchecked" for the checkbox of this value in the list `name`, else None."""
    found = re.search(rf'<input [^>]*name="{name}" value="{value}"[^>]*>', html)
    if found is None:
        return None
    return "checked" if " checked" in found.group(0) else "unchecked"


def test_governments_present_are_a_list_of_checkboxes_kept_on_error(client, login_as):
    """Ticking one government never clears the others (no multiple select), each box has its
    label, and a refused save keeps what was ticked."""
    login_as("coordinator")
    outcome, _, _ = small_table_with_messages()
    chile = factories.GovernmentFactory(name="Chile")
    ghana = factories.GovernmentFactory(name="Ghana")
    html = client.get(f"/outcomes/{outcome.id}/edit").get_data(as_text=True)
    assert "<select multiple" not in html
    assert 'name="governments"' in html
    assert f'<label class="form-check-label" for="governments-{chile.id}">Chile</label>' in html
    assert '<legend class="form-label fs-6 mb-1">Governments present</legend>' in html
    assert 'data-filter-for="governments-options"' in html  # the filter box scripts reveal
    form = outcome_form(outcome, summary="x" * 20001)
    form["governments"] = [str(chile.id), str(ghana.id)]
    refused = client.post(f"/outcomes/{outcome.id}/edit", data=form)
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert checkbox(html, "governments", chile.id) == "checked"
    assert checkbox(html, "governments", ghana.id) == "checked"
    form["summary"] = "Two states came."
    assert client.post(f"/outcomes/{outcome.id}/edit", data=form).status_code == 302
    db.session.expire_all()
    saved = {g.name for g in db.session.get(TableOutcome, outcome.id).governments}
    assert {"Chile", "Ghana"} <= saved


def test_civil_society_participants_stay_one_per_line(client, login_as):
    login_as("coordinator")
    outcome, _, _ = small_table_with_messages()
    form = outcome_form(outcome)
    form["civil_society_participants"] = "Ana Pérez, PICUM\r\nJohn Doe, ITUC\r\n\r\nLi Wei, MFA"
    assert client.post(f"/outcomes/{outcome.id}/edit", data=form).status_code == 302
    html = client.get(f"/outcomes/{outcome.id}").get_data(as_text=True)
    assert "<li>Ana Pérez, PICUM</li><li>John Doe, ITUC</li><li>Li Wei, MFA</li>" in html
    edit = client.get(f"/outcomes/{outcome.id}/edit").get_data(as_text=True)
    assert "Ana Pérez, PICUM\nJohn Doe, ITUC\nLi Wei, MFA</textarea>" in edit


def test_members_and_observers_may_not_record_or_edit(client, login_as):
    outcome, _, _ = small_table_with_messages()
    login_as("member")
    assert client.get(f"/sessions/{outcome.session_id}/outcome/new").status_code == 403
    assert client.get(f"/outcomes/{outcome.id}/edit").status_code == 403
    response = client.post(f"/outcomes/{outcome.id}/edit", data=outcome_form(outcome, summary="x"))
    assert response.status_code == 403
    assert client.post(f"/outcomes/{outcome.id}/withdraw").status_code == 403
    db.session.expire_all()
    assert db.session.get(TableOutcome, outcome.id).visibility == "shared"


def test_observers_read_shared_outcomes_only(client, login_as):
    shared, _, _ = small_table_with_messages(summary="A shared account of the table.")
    hidden, _, _ = small_table_with_messages(visibility="civil_society")
    login_as("observer")
    page = client.get(f"/outcomes/{shared.id}")
    assert page.status_code == 200
    assert "A shared account of the table." in page.get_data(as_text=True)
    assert client.get(f"/outcomes/{hidden.id}").status_code == 404


def test_a_coordinator_withdraws_and_publishes_an_outcome(client, login_as):
    outcome, _, _ = small_table_with_messages()
    login_as("coordinator")
    assert client.post(f"/outcomes/{outcome.id}/withdraw").status_code == 302
    db.session.expire_all()
    assert db.session.get(TableOutcome, outcome.id).visibility == "civil_society"

    observer_client = client.application.test_client()
    observer = factories.UserFactory(role="observer")
    db.session.commit()
    with observer_client.session_transaction() as session:
        session["_user_id"] = observer.session_token
    assert observer_client.get(f"/outcomes/{outcome.id}").status_code == 404

    assert client.post(f"/outcomes/{outcome.id}/publish").status_code == 302
    assert observer_client.get(f"/outcomes/{outcome.id}").status_code == 200


def test_a_second_outcome_for_the_same_act_is_refused(client, login_as):
    outcome, _, _ = small_table_with_messages()
    login_as("coordinator")
    response = client.post(
        f"/sessions/{outcome.session_id}/outcome/new",
        data={"act_id": str(outcome.act_id), "summary": "A duplicate."},
    )
    assert response.status_code == 422
    assert "already recorded" in response.get_data(as_text=True)
    count = db.session.scalars(
        select(TableOutcome).where(TableOutcome.session_id == outcome.session_id)
    ).all()
    assert len(count) == 1


def test_only_small_tables_take_an_outcome(client, login_as):
    login_as("coordinator")
    group = factories.MeetingSessionFactory(kind="group_session")
    assert client.get(f"/sessions/{group.id}/outcome/new").status_code == 404


def test_the_stance_form_shows_the_recorded_stances(client, login_as):
    login_as("coordinator")
    outcome, (first, _), (message, _) = small_table_with_messages()
    factories.StanceFactory(
        outcome=outcome, government=first, key_message=message, position="reserved", note="Asks"
    )
    html = client.get(f"/outcomes/{outcome.id}/stances").get_data(as_text=True)
    assert f"Stance of {first.name} on message 1</label>" in html
    assert '<option selected value="reserved">' in html
    assert 'value="Asks"' in html


def test_two_stale_stance_forms_never_overwrite_each_other(client, login_as):
    login_as("coordinator")
    outcome, (first, _), (message, _) = small_table_with_messages()
    field = f"position_{first.id}_{message.id}"
    stale_version = str(outcome.version)
    saved = client.post(
        f"/outcomes/{outcome.id}/stances", data={"version": stale_version, field: "supportive"}
    )
    assert saved.status_code == 302
    late = client.post(
        f"/outcomes/{outcome.id}/stances", data={"version": stale_version, field: "opposed"}
    )
    assert late.status_code == 409
    html = late.get_data(as_text=True)
    assert "Someone else saved this" in html
    assert '<option selected value="opposed">' in html  # what they chose is still in the form
    stance = db.session.scalar(select(Stance).where(Stance.outcome_id == outcome.id))
    assert stance.position == "supportive"


def test_removing_a_government_removes_its_stances(client, login_as):
    login_as("coordinator")
    outcome, (first, second), (message, _) = small_table_with_messages()
    factories.StanceFactory(outcome=outcome, government=first, key_message=message)
    factories.StanceFactory(outcome=outcome, government=second, key_message=message)
    response = client.post(
        f"/outcomes/{outcome.id}/edit", data=outcome_form(outcome, governments=[str(first.id)])
    )
    assert response.status_code == 302
    stances = db.session.scalars(select(Stance).where(Stance.outcome_id == outcome.id)).all()
    assert [s.government_id for s in stances] == [first.id]
