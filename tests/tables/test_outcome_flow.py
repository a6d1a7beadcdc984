"""Small tables: editing, publishing, stale stance forms."""

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
    assert f'<option selected value="{first.id}">' in html
    assert f'<option selected value="{second.id}">' in html
    assert f'<option value="{unrelated.id}">' in html
    assert "Three states asked for data." in html
    assert f'name="version" type="hidden" value="{outcome.version}"' in html


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
