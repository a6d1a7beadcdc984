"""A new draft weakens, strengthens or changes the paragraphs carrying the asks: the alerts,
the page "What changed for our asks", and who is told."""

from sqlalchemy import select

from tests import factories
from tracker.core.mail import OutboxMessage
from tracker.drafts import services as drafts_services
from tracker.records.alerts import Alert
from tracker.records.notifications import Notification

ZERO = (
    "## Objective 13: Use migration detention only as a measure of last resort\n\n"
    "29. We commit to end the practice of child detention in the context of "
    "international migration.\n\n"
    "30. Ensure that public service providers do not share information with "
    "immigration authorities.\n\n"
    "31. Develop procedures on search and rescue of migrants.\n"
)
WEAKER = ZERO.replace(
    "We commit to end the practice of child detention",
    "We commit to work towards ending the practice of child detention",
)
CHILD_DETENTION = "End the immigration detention of children."


class Setting:
    """A zero draft with three asks reflected in it, and the people who may be told."""

    def __init__(self, text: str = ZERO):
        self.act = factories.ActFactory(number=3, title="Protection")
        report = factories.ReportFactory(act=self.act)
        self.coordinator = factories.UserFactory(role="coordinator", name="Coordinator")
        self.other_coordinator = factories.UserFactory(role="coordinator")
        self.follower = factories.UserFactory(role="member", locale="fr")
        self.act_follower = factories.UserFactory(role="member", locale="es")
        self.owner = factories.UserFactory(role="member")
        self.bystander = factories.UserFactory(role="member")
        self.observer = factories.UserFactory(role="observer")
        self.zero = drafts_services.add_draft(
            name="Zero draft", released_on=factories.date(2018, 2, 5), text=text
        )
        paragraphs = {p.ref: p for p in self.zero.paragraphs}
        self.messages = {}
        for ref, ask in (
            ("29", CHILD_DETENTION),
            ("30", "Firewalls between immigration enforcement and public services."),
            ("31", "Search and rescue to save migrants' lives at sea."),
        ):
            message = factories.KeyMessageFactory(report=report, act=self.act, text=ask)
            factories.ReflectionFactory(
                key_message=message, draft=self.zero, level="strong", paragraphs=[paragraphs[ref]]
            )
            self.messages[ref] = message
        child = self.messages["29"]
        factories.FollowFactory(user=self.follower, key_message=child)
        factories.FollowFactory(user=self.act_follower, act=self.act)
        factories.ActionFactory(act=self.act, owner=self.owner, key_message=child, status="open")
        factories.ActionFactory(
            act=self.act, owner=self.bystander, key_message=child, status="done"
        )
        factories.FollowFactory(user=self.observer, act=self.act)  # left from another role


def _add(client, login_as, who, text, name="Rev 1"):
    login_as(who)
    return client.post(
        "/drafts/new",
        data={"name": name, "released_on": "2018-03-26", "milestone_id": "0", "text": text},
    )


def _told(db, kind=None) -> dict[int, list[Notification]]:
    query = select(Notification)
    if kind:
        query = query.where(Notification.kind == kind)
    told: dict[int, list[Notification]] = {}
    for notification in db.session.scalars(query):
        told.setdefault(notification.user_id, []).append(notification)
    return told


def test_a_softened_commitment_is_an_alert_told_to_followers_coordinators_and_owners(
    client, login_as, db
):
    world = Setting()
    response = _add(client, login_as, world.coordinator, WEAKER)
    assert response.status_code == 302
    alerts = db.session.scalars(select(Alert)).all()
    assert [(a.key_message_id, a.kind) for a in alerts] == [(world.messages["29"].id, "weakened")]
    assert "work* towards" in alerts[0].wording_lost
    told = _told(db, "ask_weakened")
    assert set(told) == {
        world.follower.id,
        world.act_follower.id,
        world.owner.id,
        world.other_coordinator.id,
    }  # not the coordinator who added it, the owner of a done action, nor an observer
    db.session.expire_all()
    assert world.follower.unread_notifications == 1


def test_each_recipient_is_mailed_in_their_language(client, login_as, db):
    world = Setting()
    _add(client, login_as, world.coordinator, WEAKER)
    mails = {m.recipient: m for m in db.session.scalars(select(OutboxMessage))}
    assert "affaiblit" in mails[world.follower.email].subject
    assert "debilita" in mails[world.act_follower.email].subject
    assert "weakens" in mails[world.owner.email].subject
    assert "/drafts/" in mails[world.owner.email].body


def test_a_deleted_paragraph_weakens_its_ask_and_an_untouched_one_raises_nothing(
    client, login_as, db
):
    world = Setting()
    text = ZERO.replace("31. Develop procedures on search and rescue of migrants.\n", "").replace(
        "Ensure that public", "Ensure that all public"
    )
    _add(client, login_as, world.coordinator, text)
    alerts = {a.key_message_id: a for a in db.session.scalars(select(Alert))}
    rescue, firewall = world.messages["31"], world.messages["30"]
    assert alerts[rescue.id].kind == "weakened"
    assert alerts[rescue.id].deleted
    assert alerts[firewall.id].kind == "strengthened"  # "all" public service providers
    assert world.messages["29"].id not in alerts


def test_a_neutral_change_is_told_to_followers_only(client, login_as, db):
    world = Setting()
    text = ZERO.replace("in the context of international migration", "in international migration")
    _add(client, login_as, world.coordinator, text)
    (alert,) = db.session.scalars(select(Alert)).all()
    assert alert.kind == "changed"
    assert set(_told(db, "ask_changed")) == {world.follower.id, world.act_follower.id}


def test_the_page_lists_what_changed_with_the_word_diff(client, login_as, db):
    world = Setting()
    _add(client, login_as, world.coordinator, WEAKER)
    rev = db.session.scalars(select(Alert)).one().draft
    login_as(world.owner)
    page = client.get(f"/drafts/{rev.id}/asks").get_data(as_text=True)
    assert "What changed for our asks" in page
    assert "Weakened" in page
    assert CHILD_DETENTION in page
    assert "<ins>work towards ending</ins>" in page or "<ins>work" in page
    assert "<del>end</del>" in page
    assert "Commitment softened" in page
    assert "1 ask weakened" in page
    # The draft's page leads there.
    assert f"/drafts/{rev.id}/asks" in client.get(f"/drafts/{rev.id}").get_data(as_text=True)


def test_observers_never_see_alerts(client, login_as, db):
    world = Setting()
    _add(client, login_as, world.coordinator, WEAKER)
    rev = db.session.scalars(select(Alert)).one().draft
    login_as(world.observer)
    assert client.get(f"/drafts/{rev.id}/asks").status_code == 403
    assert f"/drafts/{rev.id}/asks" not in client.get(f"/drafts/{rev.id}").get_data(as_text=True)
    assert world.observer.id not in _told(db)


def test_the_follower_opens_the_notification_on_the_alert(client, login_as, db):
    world = Setting()
    _add(client, login_as, world.coordinator, WEAKER)
    login_as(world.follower)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Rev 1 affaiblit la demande « End the immigration detention of children. »" in page
    (notification,) = _told(db)[world.follower.id]
    response = client.post(f"/notifications/{notification.id}/open")
    assert response.status_code == 302
    assert f"/drafts/{notification.alert.draft_id}/asks#alert-{notification.alert_id}" in (
        response.location
    )


def test_the_page_runs_the_same_queries_whatever_the_number_of_alerts(
    client, login_as, count_queries, db
):
    member = login_as("member")
    act = factories.ActFactory(number=5)
    draft = factories.DraftFactory(name="Rev 2")
    counts = []
    for size in (2, 30):
        for _ in range(size):
            message = factories.KeyMessageFactory(act=act, report__act=act)
            factories.AlertFactory(draft=draft, key_message=message)
        db.session.commit()
        login_as(member)
        with count_queries() as counter:
            response = client.get(f"/drafts/{draft.id}/asks")
        assert response.status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1] <= 7, counts
