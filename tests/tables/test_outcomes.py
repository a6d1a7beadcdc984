"""Small tables with governments: outcomes, stances, the Chatham House rule, conflicts."""

from sqlalchemy import func, select

from tests import factories
from tests.tables.helpers import outcome_form, small_table_with_messages
from tracker.core.extensions import db
from tracker.records.publishing import withdraw
from tracker.records.tables import Stance, TableOutcome


def test_coordinator_records_an_outcome_that_starts_civil_society_only(client, login_as):
    login_as("coordinator")
    act = factories.ActFactory()
    session = factories.MeetingSessionFactory(kind="small_table", audience="open", acts=[act])
    mexico = factories.GovernmentFactory(name="Mexico")
    unhcr = factories.GovernmentFactory(name="UNHCR", kind="un_agency")
    response = client.post(
        f"/sessions/{session.id}/outcome/new",
        data={
            "act_id": str(act.id),
            "governments": [str(mexico.id)],
            "agencies": [str(unhcr.id)],
            "summary": "Mexico offered to host a follow-up.",
        },
    )
    assert response.status_code == 302
    outcome = db.session.scalar(select(TableOutcome).where(TableOutcome.session_id == session.id))
    assert outcome.visibility == "civil_society"  # even though governments were in the room
    assert {g.name for g in outcome.governments} == {"Mexico", "UNHCR"}
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Mexico offered to host a follow-up." in page
    assert "UNHCR" in page


def test_sharing_an_outcome_is_a_choice_in_its_form(client, login_as):
    login_as("coordinator")
    act = factories.ActFactory()
    session = factories.MeetingSessionFactory(kind="small_table", audience="open", acts=[act])
    form = client.get(f"/sessions/{session.id}/outcome/new").get_data(as_text=True)
    assert "Share with governments" in form
    assert "civil society only" in form
    client.post(
        f"/sessions/{session.id}/outcome/new",
        data={"act_id": str(act.id), "summary": "Shared at once.", "share": "y"},
    )
    outcome = db.session.scalar(select(TableOutcome).where(TableOutcome.session_id == session.id))
    assert outcome.visibility == "shared"
    assert outcome.published["summary"] == "Shared at once."


def test_stances_are_saved_and_shown_in_the_grid(client, login_as):
    login_as("coordinator")
    outcome, (first, second), (message, _other) = small_table_with_messages()
    response = client.post(
        f"/outcomes/{outcome.id}/stances",
        data={
            "version": str(outcome.version),
            f"position_{first.id}_{message.id}": "supportive",
            f"note_{first.id}_{message.id}": "Will raise it in the capital",
            f"position_{second.id}_{message.id}": "opposed",
        },
    )
    assert response.status_code == 302
    stances = db.session.scalars(select(Stance).where(Stance.outcome_id == outcome.id)).all()
    assert {(s.government_id, s.position) for s in stances} == {
        (first.id, "supportive"),
        (second.id, "opposed"),
    }
    page = client.get(f"/outcomes/{outcome.id}").get_data(as_text=True)
    assert "Will raise it in the capital" in page
    assert "stance-opposed" in page


def test_an_unknown_position_is_refused_and_nothing_saved(client, login_as):
    login_as("coordinator")
    outcome, (first, _), (message, _) = small_table_with_messages()
    response = client.post(
        f"/outcomes/{outcome.id}/stances",
        data={"version": str(outcome.version), f"position_{first.id}_{message.id}": "furious"},
    )
    assert response.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(Stance)) == 0


def test_an_unknown_government_is_refused(client, login_as):
    login_as("coordinator")
    outcome, _, _ = small_table_with_messages()
    response = client.post(
        f"/outcomes/{outcome.id}/edit", data=outcome_form(outcome, governments=["999999"])
    )
    assert response.status_code == 422
    db.session.expire_all()
    assert len(db.session.get(TableOutcome, outcome.id).governments) == 2


def test_chatham_house_hides_government_names_from_observers(client, login_as):
    outcome, states, (message, _) = small_table_with_messages(chatham_house=True)
    for government in states:
        factories.StanceFactory(
            outcome=outcome, government=government, key_message=message, position="reserved"
        )
    login_as("observer")
    page = client.get(f"/outcomes/{outcome.id}").get_data(as_text=True)
    assert all(government.name not in page for government in states)
    assert "Government A" in page
    assert "Government B" in page
    assert page.count("stance-reserved") >= 2

    coordinator_client = client.application.test_client()
    coordinator = factories.UserFactory(role="coordinator")
    db.session.commit()
    with coordinator_client.session_transaction() as session:
        session["_user_id"] = coordinator.session_token
    page = coordinator_client.get(f"/outcomes/{outcome.id}").get_data(as_text=True)
    assert all(government.name in page for government in states)


def test_observers_see_no_stance_on_a_civil_society_message(client, login_as):
    outcome, (first, _), (_shared, hidden) = small_table_with_messages()
    hidden.text = "An ask still kept within civil society"
    withdraw(hidden, None)
    factories.StanceFactory(outcome=outcome, government=first, key_message=hidden)
    login_as("observer")
    page = client.get(f"/outcomes/{outcome.id}").get_data(as_text=True)
    assert "An ask still kept within civil society" not in page


def test_two_stale_edits_never_overwrite_each_other(client, login_as):
    login_as("coordinator")
    outcome, _, _ = small_table_with_messages()
    stale = outcome_form(outcome)
    first = client.post(
        f"/outcomes/{outcome.id}/edit", data={**stale, "summary": "First summary, saved."}
    )
    assert first.status_code == 302
    second = client.post(
        f"/outcomes/{outcome.id}/edit", data={**stale, "summary": "Second summary, typed later."}
    )
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "First summary, saved." in page
    assert "Second summary, typed later." in page
    db.session.expire_all()
    assert db.session.get(TableOutcome, outcome.id).summary == "First summary, saved."


def test_a_member_cannot_record_stances(client, login_as):
    login_as("member")
    outcome, _, _ = small_table_with_messages()
    assert client.get(f"/outcomes/{outcome.id}/stances").status_code == 403
    assert client.get(f"/outcomes/{outcome.id}").status_code == 200


def test_outcome_pages_run_the_same_queries_whatever_their_size(client, login_as, count_queries):
    login_as("coordinator")
    small, small_states, small_messages = small_table_with_messages(messages=2, governments=2)
    large, large_states, large_messages = small_table_with_messages(messages=8, governments=15)
    for outcome, states, messages in (
        (small, small_states, small_messages),
        (large, large_states, large_messages),
    ):
        for government in states:
            for message in messages:
                factories.StanceFactory(outcome=outcome, government=government, key_message=message)
    counts = {}
    for name, outcome_id in (("small", small.id), ("large", large.id)):
        for page in ("", "/stances"):
            with count_queries() as counter:
                assert client.get(f"/outcomes/{outcome_id}{page}").status_code == 200
            counts[(name, page)] = counter.count
    assert counts[("small", "")] == counts[("large", "")]
    assert counts[("small", "/stances")] == counts[("large", "/stances")]
