"""Each person's notifications: the count in the navigation bar, opening one, reading them all."""

from tests import factories


def test_notifications_are_read_one_by_one_or_all_at_once(client, login_as, db):
    member = factories.UserFactory(role="member")
    first = factories.NotificationFactory(action=factories.ActionFactory(owner=member))
    factories.NotificationFactory(action=factories.ActionFactory(owner=member))
    member.unread_notifications = 2
    login_as(member)
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'badge text-bg-warning">2' in page
    response = client.post(f"/notifications/{first.id}/open")
    assert response.status_code == 302
    assert f"/actions/{first.action_id}" in response.location
    db.session.expire_all()
    assert member.unread_notifications == 1
    client.post("/notifications/read")
    db.session.expire_all()
    assert member.unread_notifications == 0
    assert "badge text-bg-warning" not in client.get("/dashboard").get_data(as_text=True)
