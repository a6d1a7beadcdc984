"""Following an ACT or a key message, and being told of what changes it: new actions,
positions (through the signal a positions feature sends), report steps."""

from sqlalchemy import func, select

from tests import factories
from tracker.core.extensions import db
from tracker.records import events
from tracker.records.alerts import Follow
from tracker.records.notifications import Notification


def _follows(user) -> int:
    return db.session.scalar(select(func.count(Follow.id)).where(Follow.user_id == user.id))


def _texts(client) -> str:
    return client.get("/notifications").get_data(as_text=True)


def test_a_member_follows_and_stops_following_an_act(client, login_as):
    act = factories.ActFactory(number=3, title="Protection")
    member = login_as("member")
    page = client.get("/acts/3").get_data(as_text=True)
    assert 'action="/acts/3/follow"' in page
    response = client.post("/acts/3/follow")
    assert response.status_code == 302
    assert response.location.endswith("/acts/3#follow")
    client.post("/acts/3/follow")  # twice is still once
    assert _follows(member) == 1
    page = client.get("/acts/3").get_data(as_text=True)
    assert "Stop following" in page
    assert 'action="/acts/3/unfollow"' in page
    client.post("/acts/3/unfollow")
    assert _follows(member) == 0
    assert act.id


def test_a_member_follows_a_key_message(client, login_as):
    message = factories.KeyMessageFactory()
    member = login_as("member")
    assert f'action="/messages/{message.id}/follow"' in client.get(
        f"/messages/{message.id}"
    ).get_data(as_text=True)
    client.post(f"/messages/{message.id}/follow")
    assert _follows(member) == 1
    assert "Stop following" in client.get(f"/messages/{message.id}").get_data(as_text=True)
    client.post(f"/messages/{message.id}/unfollow")
    assert _follows(member) == 0


def test_observers_are_offered_no_follow_button(client, login_as):
    factories.ActFactory(number=3)
    login_as("observer")
    assert "/acts/3/follow" not in client.get("/acts/3").get_data(as_text=True)
    assert client.post("/acts/3/follow").status_code == 403


def test_followers_are_told_of_a_new_action(client, login_as):
    act = factories.ActFactory(number=3, title="Protection")
    message = factories.KeyMessageFactory(act=act, report__act=act)
    act_follower = factories.UserFactory(role="member")
    message_follower = factories.UserFactory(role="rapporteur")
    owner = factories.UserFactory(role="member")
    factories.FollowFactory(user=act_follower, act=act)
    factories.FollowFactory(user=message_follower, key_message=message)
    factories.FollowFactory(user=owner, act=act)
    login_as("coordinator", name="Carla")
    response = client.post(
        f"/actions/new?key_message={message.id}",
        data={
            "title": "Brief the Mexican mission",
            "description": "",
            "act_id": str(act.id),
            "owner_id": str(owner.id),
            "organization_id": "0",
            "due_on": "2018-04-02",
            "milestone_id": "0",
            "priority": "medium",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    kinds = dict(db.session.execute(select(Notification.user_id, Notification.kind)).all())
    assert kinds == {
        act_follower.id: "action_created",
        message_follower.id: "action_created",
        owner.id: "assigned",  # told once, that it is theirs
    }
    login_as(act_follower)
    assert "Carla added a new action: “Brief the Mexican mission”." in _texts(client)


def test_followers_are_told_of_a_position_through_its_signal(client, login_as):
    act = factories.ActFactory(number=3, title="Protection")
    message = factories.KeyMessageFactory(act=act, report__act=act)
    member = factories.UserFactory(role="member")
    factories.FollowFactory(user=member, key_message=message)
    actor = factories.UserFactory(role="member")
    db.session.flush()
    events.position_recorded.send(
        object(),
        actor=actor,
        act_id=act.id,
        key_message_id=message.id,
        summary="Mexico supports 29(h)",
    )
    db.session.commit()
    login_as(member)
    assert "New position recorded (ACT 3: Protection): Mexico supports 29(h)" in _texts(client)
    (notification,) = db.session.scalars(select(Notification)).all()
    response = client.post(f"/notifications/{notification.id}/open")
    assert response.location.endswith(f"/messages/{message.id}")


def test_the_notifications_page_runs_the_same_queries_whatever_their_number_and_kind(
    client, login_as, count_queries
):
    member = factories.UserFactory(role="member")
    act = factories.ActFactory(number=3)
    counts = []
    for size in (1, 10):
        for _ in range(size):
            message = factories.KeyMessageFactory(act=act, report__act=act)
            factories.NotificationFactory(action=factories.ActionFactory(owner=member))
            factories.NotificationFactory(
                user_id=member.id,
                action=None,
                kind="ask_weakened",
                alert=factories.AlertFactory(key_message=message),
            )
            factories.NotificationFactory(
                user_id=member.id,
                action=None,
                kind="report_returned",
                report=message.report,
                detail="Shorter.",
            )
            factories.NotificationFactory(
                user_id=member.id, action=None, kind="position", act_id=act.id, detail="EU"
            )
        login_as(member)
        with count_queries() as counter:
            assert client.get("/notifications").status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
