"""The archive as coordinators use it: archive with a reason from a record's page, the
banner on an archived record, the archive page, restore in one click; lists, counts and
the matrix follow; members and observers never see archived records."""

from sqlalchemy import select

from tests import factories
from tracker.core.extensions import db as _db
from tracker.records import archiving
from tracker.records.activity import Activity
from tracker.records.reports import KeyMessage

ASK = "End child detention in all circumstances"


def _message_with_links():
    act = factories.ActFactory(number=3, title="Protection")
    report = factories.ReportFactory(act=act, status="accepted")
    message = factories.KeyMessageFactory(report=report, act=act, text=ASK, rank=1)
    other = factories.KeyMessageFactory(report=report, act=act, text="Firewalls", rank=2)
    draft = factories.DraftFactory(name="Zero draft")
    paragraph = factories.DraftParagraphFactory(draft=draft, position=1)
    factories.ReflectionFactory(key_message=message, draft=draft, paragraphs=[paragraph])
    action = factories.ActionFactory(
        act=act, key_message=message, title="Brief the Mexican mission"
    )
    return act, message, other, action


def test_a_coordinator_archives_a_key_message_and_restores_it_with_its_links(client, login_as, db):
    act, message, _other, action = _message_with_links()
    coordinator = login_as("coordinator")
    page = client.get(f"/messages/{message.id}").get_data(as_text=True)
    assert f"/archive/key_message/{message.id}" in page
    assert "1 key message" not in client.get("/dashboard").get_data(as_text=True)

    form = client.get(f"/archive/key_message/{message.id}").get_data(as_text=True)
    assert "Why is it archived?" in form
    response = client.post(
        f"/archive/key_message/{message.id}", data={"reason": "The group merged it by hand."}
    )
    assert response.status_code == 302
    archive = client.get("/archive").get_data(as_text=True)
    assert "The group merged it by hand." in archive
    assert coordinator.name in archive

    # Hidden from lists, counts and the matrix...
    assert ASK not in client.get(f"/acts/{act.number}").get_data(as_text=True)
    assert "Brief the Mexican mission" not in client.get("/actions").get_data(as_text=True)
    assert "1 key message" in client.get("/dashboard").get_data(as_text=True)
    assert ASK not in client.get("/drafts/matrix").get_data(as_text=True)
    assert client.get(f"/actions/{action.id}").status_code == 200  # coordinators: banner
    # ...shown with its banner on its own page, for coordinators.
    page = client.get(f"/messages/{message.id}")
    assert page.status_code == 200
    assert "The group merged it by hand." in page.get_data(as_text=True)
    assert "archived-banner" in page.get_data(as_text=True)

    restored = client.post(f"/archive/key_message/{message.id}/restore")
    assert restored.status_code == 302
    assert restored.headers["Location"].endswith(f"/messages/{message.id}")
    assert ASK in client.get(f"/acts/{act.number}").get_data(as_text=True)
    assert "Brief the Mexican mission" in client.get("/actions").get_data(as_text=True)
    assert ASK in client.get("/drafts/matrix").get_data(as_text=True)
    assert "Nothing is archived." in client.get("/archive").get_data(as_text=True)
    verbs = _db.session.scalars(select(Activity.verb).order_by(Activity.id)).all()
    assert verbs == ["archived", "restored"]


def test_members_and_observers_find_archived_records_gone(client, login_as, db):
    _act, message, _other, action = _message_with_links()
    factories.publish(message)
    coordinator = factories.UserFactory(role="coordinator")
    archiving.archive(message, coordinator, "Withdrawn by the group.")
    for role in ("member", "rapporteur", "observer"):
        login_as(role)
        assert client.get(f"/messages/{message.id}").status_code == 404
        assert client.get(f"/actions/{action.id}").status_code == 404
        assert "Withdrawn by the group." not in client.get("/dashboard").get_data(as_text=True)
        assert client.get("/archive").status_code == 403
        assert client.get(f"/archive/key_message/{message.id}").status_code == 403


def test_a_reason_is_needed_and_nothing_is_archived_twice(client, login_as, db):
    note = factories.NoteFactory(title="Group notes, first half")
    login_as("coordinator")
    response = client.post(f"/archive/note/{note.id}", data={"reason": "   "})
    assert response.status_code == 422
    assert "Say why it is archived." in response.get_data(as_text=True)
    assert _db.session.scalar(select(Activity.id)) is None
    assert client.post(f"/archive/note/{note.id}", data={"reason": "Twice"}).status_code == 302
    assert client.post(f"/archive/note/{note.id}", data={"reason": "Again"}).status_code == 409
    assert client.get(f"/archive/nothing/{note.id}").status_code == 404
    assert client.get(f"/archive/note/{note.id + 1000}").status_code == 404


def test_an_item_cannot_be_restored_while_its_meeting_is_archived(client, login_as, db):
    meeting = factories.MeetingFactory(title="Regional consultation")
    item = factories.MeetingSessionFactory(meeting=meeting, title="Opening plenary")
    coordinator = login_as("coordinator")
    archiving.archive(item, coordinator, "Cancelled.")
    archiving.archive(meeting, coordinator, "Postponed to next year.")
    response = client.post(f"/archive/meeting_session/{item.id}/restore")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "What this record belongs to is archived: restore that first." in page
    assert client.post(f"/archive/meeting/{meeting.id}/restore").status_code == 302
    assert client.post(f"/archive/meeting_session/{item.id}/restore").status_code == 302
    assert "Opening plenary" in client.get(f"/meetings/{meeting.slug}").get_data(as_text=True)


def test_the_archive_filters_by_kind(client, login_as, db):
    coordinator = factories.UserFactory(role="coordinator")
    note = factories.NoteFactory(title="Notes typed in the wrong session")
    action = factories.ActionFactory(title="An action nobody will take")
    draft = factories.DraftFactory(name="Leaked draft")
    for record in (note, action, draft):
        archiving.archive(record, coordinator, "Not ours.")
    login_as("coordinator")
    everything = client.get("/archive").get_data(as_text=True)
    assert all(t in everything for t in (note.title, action.title, draft.name))
    drafts = client.get("/archive?type=draft").get_data(as_text=True)
    assert draft.name in drafts
    assert note.title not in drafts
    assert action.title not in drafts
    assert client.get("/archive?type=everything").status_code == 400


def _archive_many(count: int) -> None:
    coordinator = factories.UserFactory(role="coordinator")
    act = factories.ActFactory()
    report = factories.ReportFactory(act=act)
    for index in range(count):
        records = [
            factories.NoteFactory(act=act),
            factories.KeyMessageFactory(report=report, act=act),
            factories.ActionFactory(act=act),
            factories.DraftFactory(name=f"Draft {count}-{index}"),
            factories.MeetingSessionFactory(),
        ]
        for record in records:
            archiving.archive(record, coordinator, f"Reason {index}")
    _db.session.commit()


def test_the_archive_page_runs_the_same_queries_whatever_its_size(client, login_as, count_queries):
    login_as("coordinator")
    sizes = {}
    for count in (2, 12):
        _archive_many(count)
        client.get("/archive")
        with count_queries() as counter:
            assert client.get("/archive").status_code == 200
        sizes[count] = counter.count
    assert sizes[2] == sizes[12], sizes


def test_a_key_message_archived_keeps_its_id_for_the_log(db):
    _act, message, _other, _action = _message_with_links()
    coordinator = factories.UserFactory(role="coordinator")
    archiving.archive(message, coordinator, "Duplicate.")
    _db.session.commit()
    assert _db.session.scalars(select(KeyMessage.id)).all() == [_other.id]


def test_search_finds_no_archived_record(client, login_as, db):
    kept = factories.NoteFactory(title="Firewall notes, kept", body="zqfirewall in the room")
    gone = factories.NoteFactory(title="Firewall notes, twice", body="zqfirewall again")
    archiving.archive(gone, factories.UserFactory(role="coordinator"), "Twice.")
    login_as("coordinator")
    page = client.get("/search?q=zqfirewall").get_data(as_text=True)
    assert kept.title in page
    assert gone.title not in page
