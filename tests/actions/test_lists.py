"""My actions, the filtered list, the board; what observers see."""

import re
from datetime import date

import pytest

from tests import factories
from tests.conftest import empty_tables

TODAY = date(2018, 3, 20)  # TestConfig pins the app's today


def _titles(html: str) -> list[str]:
    return re.findall(r'<a href="/actions/\d+">([^<]+)</a>', html)


def test_my_actions_are_grouped_by_when_they_are_due(client, login_as):
    member = factories.UserFactory(role="member")
    factories.ActionFactory(owner=member, title="Late one", due_on=date(2018, 3, 10))
    factories.ActionFactory(owner=member, title="This week", due_on=date(2018, 3, 24))
    factories.ActionFactory(owner=member, title="Next month", due_on=date(2018, 4, 20))
    factories.ActionFactory(owner=member, title="Undated", due_on=None)
    factories.ActionFactory(owner=member, title="Finished", status="done")
    factories.ActionFactory(title="Someone else's")
    login_as(member)
    html = client.get("/actions/mine").get_data(as_text=True)
    sections = re.split(r'<section aria-labelledby="h-', html)[1:]
    found = {section.split('"')[0]: _titles(section) for section in sections}
    assert found == {
        "overdue": ["Late one"],
        "this-week": ["This week"],
        "later": ["Next month", "Undated"],
        "done": ["Finished"],
    }


def test_the_list_filters_sorts_and_keeps_its_filters_in_the_url(client, login_as):
    act3, act4 = factories.ActFactory(number=3), factories.ActFactory(number=4)
    owner = factories.UserFactory(role="member", name="Olga Owner")
    org = factories.OrganizationFactory(name="Migrant Forum in Asia")
    round3 = factories.MilestoneFactory(title="Round 3")
    factories.ActionFactory(act=act3, owner=owner, title="A overdue", due_on=date(2018, 3, 1))
    factories.ActionFactory(
        act=act3, title="B high", priority="high", due_on=date(2018, 5, 1), milestone=round3
    )
    factories.ActionFactory(act=act3, title="C done", status="done", organization=org)
    factories.ActionFactory(act=act4, title="D other act", due_on=date(2018, 4, 1))
    login_as("member")

    def titles(query: str) -> list[str]:
        response = client.get(f"/actions?{query}")
        assert response.status_code == 200, query
        return _titles(response.get_data(as_text=True))

    assert titles("act=3") == ["A overdue", "C done", "B high"]  # by due date
    assert titles("act=3&status=done") == ["C done"]
    assert titles(f"owner={owner.id}") == ["A overdue"]
    assert titles(f"organization={org.id}") == ["C done"]
    assert titles(f"milestone={round3.id}") == ["B high"]
    assert titles("overdue=y") == ["A overdue"]
    assert titles("sort=priority")[0] == "B high"
    assert client.get("/actions?act=99").status_code == 400
    assert client.get("/actions?owner=abc").status_code == 400
    # By part of the owner's or the organisation's name, as typed (case and wildcards aside).
    assert titles("who=olga") == ["A overdue"]
    assert titles("who=forum+in") == ["C done"]
    assert titles("who=%25") == []
    assert titles("who=olga&act=4") == []


def test_the_list_is_paginated_with_the_filters_in_the_page_links(client, login_as):
    act = factories.ActFactory(number=5)
    factories.ActionFactory.create_batch(30, act=act)
    login_as("member")
    html = client.get("/actions?act=5&sort=changed").get_data(as_text=True)
    assert len(_titles(html)) == 25
    assert "30 actions" in html
    link = re.search(r'href="(/actions\?[^"]*page=2[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "act=5" in link
    assert "sort=changed" in link
    assert len(_titles(client.get(link).get_data(as_text=True))) == 5


def test_the_board_has_a_column_per_status_with_counts(client, login_as):
    act = factories.ActFactory(number=2)
    factories.ActionFactory.create_batch(3, act=act, status="open")
    factories.ActionFactory(act=act, status="blocked", title="Stuck")
    factories.ActionFactory(status="done")  # another ACT
    login_as("member")
    html = client.get("/actions/board?act=2").get_data(as_text=True)
    counts = dict(re.findall(r'id="h-col-(\w+)">[^<]+<span class="badge[^"]*">(\d+)', html))
    assert counts == {"open": "3", "in_progress": "0", "blocked": "1", "done": "0", "dropped": "0"}
    assert "Stuck" in html
    assert client.get("/actions/board?act=42").status_code == 404


def test_observers_see_only_shared_actions_everywhere(client, login_as):
    act = factories.ActFactory(number=3)
    factories.ActionFactory(act=act, title="Civil society only", due_on=date(2018, 3, 1))
    factories.ActionFactory(act=act, title="Shared with governments", visibility="shared")
    login_as("observer")
    for url in ["/actions", "/actions/board", "/acts/3", "/actions/export.csv"]:
        html = client.get(url).get_data(as_text=True)
        assert "Civil society only" not in html, url
        assert "Shared with governments" in html, url
    assert "0 overdue" in client.get("/acts/3").get_data(as_text=True)


def _list_world(size: int):
    acts = factories.ActFactory.create_batch(3)
    owners = factories.UserFactory.create_batch(3, role="member")
    for n in range(size):
        factories.ActionFactory(
            act=acts[n % 3],
            owner=owners[n % 3],
            due_on=date(2018, 3, 1 + n % 28),
            status=["open", "in_progress", "blocked", "done"][n % 4],
            visibility="shared" if n % 2 else "civil_society",
        )
    # One shared action with a log that grows with the size: its page stays fixed too.
    followed = factories.ActionFactory(
        act=acts[0], owner=owners[0], visibility="shared", key_message=factories.KeyMessageFactory()
    )
    for n in range(size):
        factories.ActionUpdateFactory(
            action=followed, kind="comment" if n % 2 else "status", note=f"Line {n}"
        )
    factories.NotificationFactory.create_batch(size // 4, action=followed)
    return acts[0], owners[0], followed.id


@pytest.mark.parametrize("role", ["coordinator", "member", "observer"])
def test_action_pages_run_a_fixed_number_of_queries(client, login_as, count_queries, role):
    counts = []
    for size in (8, 80):
        act, owner, followed = _list_world(size)
        login_as(owner if role == "member" else role)
        number = act.number
        urls = [
            f"/actions/{followed}",
            "/actions",
            f"/actions?act={number}&overdue=y&sort=priority",
            "/actions/mine",
            "/actions/board",
            f"/actions/board?act={number}",
            f"/acts/{number}",
            "/actions/export.csv",
            "/notifications",
            "/dashboard",
        ]
        sizes = []
        for url in urls:
            with count_queries() as counter:
                assert client.get(url).status_code == 200, url
            sizes.append(counter.count)
        counts.append(sizes)
        empty_tables()
    assert counts[0] == counts[1]
    assert max(counts[0]) <= 15


def test_board_columns_put_the_nearest_due_first_and_stop_at_their_limit(client, login_as):
    from tracker.actions.lists import BOARD_COLUMN_LIMIT

    act = factories.ActFactory(number=6)
    factories.ActionFactory(act=act, title="Undated", due_on=None)
    factories.ActionFactory(act=act, title="Later", due_on=date(2018, 6, 1))
    factories.ActionFactory(act=act, title="Soonest", due_on=date(2018, 3, 1))
    factories.ActionFactory.create_batch(BOARD_COLUMN_LIMIT, act=act, due_on=date(2018, 5, 1))
    login_as("member")
    html = client.get("/actions/board?act=6").get_data(as_text=True)
    column = html[html.index('id="h-col-open"') : html.index('id="h-col-in_progress"')]
    titles = re.findall(r'<a href="/actions/\d+">([^<]+)</a>', column)
    assert len(titles) == BOARD_COLUMN_LIMIT
    assert titles[0] == "Soonest"
    assert "Later" not in titles
    assert "Undated" not in titles
    assert f"All {BOARD_COLUMN_LIMIT + 3} in the list" in column


def test_my_actions_show_the_first_of_a_long_group_and_link_to_the_rest(client, login_as):
    from tracker.actions.lists import MY_GROUP_LIMIT

    member = factories.UserFactory(role="member")
    factories.ActionFactory.create_batch(MY_GROUP_LIMIT + 5, owner=member, due_on=date(2018, 6, 1))
    login_as(member)
    html = client.get("/actions/mine").get_data(as_text=True)
    later = html[html.index('id="h-later"') : html.index('id="h-done"')]
    assert len(_titles(later)) == MY_GROUP_LIMIT
    assert "5 more: see all my actions in the list" in later
    link = re.search(r'href="(/actions\?owner=\d+[^"]*)"', later).group(1).replace("&amp;", "&")
    assert len(_titles(client.get(link).get_data(as_text=True))) == 25  # the list's first page


def test_the_filters_name_people_and_organisations_only_when_chosen(client, login_as):
    people = factories.UserFactory.create_batch(40, role="member")
    organizations = factories.OrganizationFactory.create_batch(20)
    for person, organization in zip(people, organizations * 2, strict=True):
        factories.ActionFactory(owner=person, organization=organization)
    chosen = people[0]
    login_as("member")
    html = client.get("/actions").get_data(as_text=True)
    assert 'id="who"' in html
    assert 'id="owner"' not in html
    assert 'id="organization"' not in html
    # Nobody is listed as a choice (an id could match another select's value: the page size).
    assert all(f">{person.name}</option>" not in html for person in people)
    html = client.get(f"/actions?owner={chosen.id}").get_data(as_text=True)
    owner_select = re.search(r'<select[^>]*id="owner".*?</select>', html, re.S).group(0)
    assert owner_select.count("<option") == 2  # anyone, or the chosen person
    assert f'<option selected value="{chosen.id}">' in owner_select
    stranger = factories.UserFactory(role="member")
    assert client.get(f"/actions?owner={stranger.id + 1000}").status_code == 400
