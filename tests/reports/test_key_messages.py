"""Key messages: records of their own, kept across edits, ordered, merged, listed."""

from tests.factories import (
    ActFactory,
    KeyMessageFactory,
    ReportFactory,
    StanceFactory,
    TableOutcomeFactory,
)
from tests.pages import error_next_to, text_of
from tests.reports.helpers import (
    fresh,
    messages_of,
    report_form,
    report_with_messages,
)
from tracker.core.extensions import db
from tracker.records.reports import KeyMessage


def test_editing_keeps_each_message_by_position(client, login_as):
    report = report_with_messages("First ask", "Second ask", "Third ask")
    before = [m.id for m in messages_of(report.id)]
    login_as(report.rapporteur)
    report = fresh(report.id)
    answer = client.post(
        f"/reports/{report.id}/edit",
        data=report_form(report, key_messages="First ask, sharpened\n\nSecond ask"),
    )
    assert answer.status_code == 302
    after = messages_of(report.id)
    assert [m.id for m in after] == before[:2]
    assert [m.text for m in after] == ["First ask, sharpened", "Second ask"]
    assert db.session.get(KeyMessage, before[2]) is None

    report = fresh(report.id)
    client.post(
        f"/reports/{report.id}/edit",
        data=report_form(report, key_messages="First ask, sharpened\nSecond ask\nA new ask"),
    )
    after = messages_of(report.id)
    assert [m.id for m in after[:2]] == before[:2]
    assert [(m.rank, m.text) for m in after] == [
        (1, "First ask, sharpened"),
        (2, "Second ask"),
        (3, "A new ask"),
    ]
    assert after[2].act_id == report.act_id
    assert after[2].visibility == "civil_society"


def test_a_message_discussed_with_governments_is_not_removed(client, login_as):
    report = report_with_messages("First ask", "Second ask")
    second = messages_of(report.id)[1]
    StanceFactory(outcome=TableOutcomeFactory(act=report.act), key_message=second)
    login_as(report.rapporteur)
    report = fresh(report.id)
    answer = client.post(
        f"/reports/{report.id}/edit", data=report_form(report, key_messages="First ask")
    )
    assert answer.status_code == 422
    assert f"#{second.id}" in error_next_to(answer.get_data(as_text=True), "key_messages")
    assert [m.text for m in messages_of(report.id)] == ["First ask", "Second ask"]


def test_moving_a_message_up_reorders_the_ranks(client, login_as):
    report = report_with_messages("First ask", "Second ask", "Third ask", status="submitted")
    first, second, third = messages_of(report.id)
    login_as("coordinator")
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    new_order = f"{first.id},{third.id},{second.id}"
    assert f'name="order" value="{new_order}"' in page  # the "move up" of the third
    answer = client.post(f"/reports/{report.id}/messages/order", data={"order": new_order})
    assert answer.status_code == 302
    assert [m.text for m in messages_of(report.id)] == ["First ask", "Third ask", "Second ask"]
    text = text_of(client.get(f"/reports/{report.id}").get_data(as_text=True))
    assert text.index("Third ask") < text.index("Second ask")


def test_an_order_that_does_not_list_every_message_once_is_refused(client, login_as):
    report = report_with_messages("First ask", "Second ask")
    first, second = messages_of(report.id)
    login_as(report.rapporteur)
    for order in (f"{first.id}", f"{first.id},{first.id}", f"{second.id},x", "999,1"):
        answer = client.post(f"/reports/{report.id}/messages/order", data={"order": order})
        assert answer.status_code in (400, 409), order
    assert [m.text for m in messages_of(report.id)] == ["First ask", "Second ask"]


def test_the_rapporteur_orders_only_while_drafting_and_members_never(client, login_as):
    report = report_with_messages("First ask", "Second ask")
    first, second = messages_of(report.id)
    order = {"order": f"{second.id},{first.id}"}
    login_as("member")
    assert client.post(f"/reports/{report.id}/messages/order", data=order).status_code == 403
    login_as(report.rapporteur)
    assert client.post(f"/reports/{report.id}/messages/order", data=order).status_code == 302
    client.post(f"/reports/{report.id}/submit")
    back = {"order": f"{first.id},{second.id}"}
    assert client.post(f"/reports/{report.id}/messages/order", data=back).status_code == 403


def test_a_coordinator_merges_duplicates_across_reports(client, login_as):
    act = ActFactory()
    one = report_with_messages("Firewalls now", act=act)
    other = report_with_messages("Firewall between services and enforcement", act=act)
    duplicate = messages_of(one.id)[0]
    target = messages_of(other.id)[0]
    elsewhere = KeyMessageFactory(report=ReportFactory(), text="Another ACT's ask")
    login_as("coordinator")
    page = client.get(f"/messages/{duplicate.id}").get_data(as_text=True)
    assert f'<option value="{target.id}"' in page
    assert f'<option value="{elsewhere.id}"' not in page

    refused = client.post(
        f"/messages/{duplicate.id}/merge", data={"merge-target_id": str(elsewhere.id)}
    )
    assert refused.status_code == 422
    answer = client.post(
        f"/messages/{duplicate.id}/merge", data={"merge-target_id": str(target.id)}
    )
    assert answer.status_code == 200  # the confirmation step: nothing merged yet
    assert "Yes, merge into" in answer.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(KeyMessage, duplicate.id).merged_into_id is None
    answer = client.post(
        f"/messages/{duplicate.id}/merge",
        data={"merge-target_id": str(target.id), "merge-confirmed": "yes"},
    )
    assert answer.status_code == 302
    db.session.expire_all()
    assert db.session.get(KeyMessage, duplicate.id).merged_into_id == target.id

    page = text_of(client.get(f"/messages/{duplicate.id}").get_data(as_text=True))
    assert f"merged into key message #{target.id}" in page
    target_page = text_of(client.get(f"/messages/{target.id}").get_data(as_text=True))
    assert f"Duplicates merged here #{duplicate.id}" in target_page
    listed = client.get(f"/messages?act={act.number}").get_data(as_text=True)
    assert "Firewall between services and enforcement" in listed
    assert "Firewalls now" not in listed
    again = client.post(
        f"/messages/{duplicate.id}/merge",
        data={"merge-target_id": str(target.id), "merge-confirmed": "yes"},
    )
    assert again.status_code == 409


def test_the_merge_form_chooses_no_target_in_advance(client, login_as):
    act = ActFactory()
    duplicate = KeyMessageFactory(report=ReportFactory(act=act), text="Firewalls now")
    KeyMessageFactory(report=ReportFactory(act=act), text="A firewall between services")
    login_as("coordinator")
    page = client.get(f"/messages/{duplicate.id}").get_data(as_text=True)
    select = page[page.index('name="merge-target_id"') :]
    select = select[: select.index("</select>")]
    assert "selected" not in select
    assert '<option value="0">Choose a key message</option>' in select
    # Submitting without choosing merges nothing and says why, next to the field.
    answer = client.post(
        f"/messages/{duplicate.id}/merge", data={"merge-target_id": "0", "merge-confirmed": "yes"}
    )
    assert answer.status_code == 422
    assert "Choose the key message this one repeats." in error_next_to(
        answer.get_data(as_text=True), "merge-target_id"
    )
    db.session.expire_all()
    assert db.session.get(KeyMessage, duplicate.id).merged_into_id is None


def test_publishing_a_message_of_a_report_not_accepted_asks_first(client, login_as):
    for status in ("draft", "submitted", "returned"):
        message = KeyMessageFactory(report=ReportFactory(status=status), text=f"Ask {status}")
        login_as("coordinator")
        page = text_of(client.get(f"/messages/{message.id}").get_data(as_text=True))
        assert "comes from a report that was not accepted" in page
        answer = client.post(f"/messages/{message.id}/publish")
        assert answer.status_code == 200, status
        assert "Publish it anyway" in answer.get_data(as_text=True)
        assert fresh_message(message.id).visibility == "civil_society", status
        answer = client.post(f"/messages/{message.id}/publish", data={"confirmed": "yes"})
        assert answer.status_code == 302
        assert fresh_message(message.id).visibility == "shared", status
    accepted = KeyMessageFactory(report=ReportFactory(status="accepted"), text="Agreed ask")
    page = text_of(client.get(f"/messages/{accepted.id}").get_data(as_text=True))
    assert "not accepted" not in page
    assert client.post(f"/messages/{accepted.id}/publish").status_code == 302
    assert fresh_message(accepted.id).visibility == "shared"


def fresh_message(message_id: int) -> KeyMessage:
    db.session.expire_all()
    return db.session.get(KeyMessage, message_id)


def test_members_cannot_merge(client, login_as):
    act = ActFactory()
    a = KeyMessageFactory(report=ReportFactory(act=act))
    b = KeyMessageFactory(report=ReportFactory(act=act))
    login_as("rapporteur")
    answer = client.post(f"/messages/{a.id}/merge", data={"merge-target_id": str(b.id)})
    assert answer.status_code == 403
    db.session.expire_all()
    assert db.session.get(KeyMessage, a.id).merged_into_id is None


def test_the_list_filters_by_act_and_pages(client, login_as):
    first_act, second_act = ActFactory(), ActFactory()
    report_with_messages(*[f"Ask {n:02d}" for n in range(30)], act=first_act)
    report_with_messages("Other ACT ask", act=second_act)
    login_as("member")
    page_one = client.get(f"/messages?act={first_act.number}").get_data(as_text=True)
    assert "Ask 00" in page_one
    assert "Ask 24" in page_one
    assert "Ask 25" not in page_one
    assert "Other ACT ask" not in page_one
    page_two = client.get(f"/messages?act={first_act.number}&page=2").get_data(as_text=True)
    assert "Ask 25" in page_two
    assert "Ask 00" not in page_two
    everything = client.get("/messages").get_data(as_text=True)
    assert "Ask 00" in everything
