"""The dashboard: the road to adoption with today marked, and a card per ACT."""

import re
from datetime import date

from tests import factories
from tests.factories import ActFactory, MilestoneFactory
from tests.pages import text_of


def timeline_items(html: str) -> list[tuple[str, str]]:
    """(state, text) of each step on the timeline, in order."""
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.DOTALL).group(1)
    return [
        (state, re.sub(r"<[^>]+>|\s+", " ", text).strip())
        for state, text in re.findall(r'<li class="([a-z]+)"[^>]*>(.*?)</li>', timeline, re.DOTALL)
    ]


def test_today_sits_between_the_second_round_and_draft_rev_1(client, login_as, demo):
    login_as("member")
    html = client.get("/dashboard").get_data(as_text=True)
    items = timeline_items(html)
    assert len(items) == 16  # fifteen milestones and today
    states = [state for state, _text in items]
    assert states.count("today") == 1
    today = states.index("today")
    assert "Mar 20, 2018" in items[today][1]
    assert "Negotiation round 2" in items[today - 1][1]
    assert "Draft Rev 1 released" in items[today + 1][1]
    assert set(states[:today]) == {"past"}
    assert set(states[today + 1 :]) == {"future"}
    assert "Civil society stocktaking" in items[0][1]
    assert "Endorsement by the UN General Assembly" in items[-1][1]


def test_a_milestone_under_way_is_marked_current(app, client, login_as):
    login_as("member")
    MilestoneFactory(
        title="Round in progress", starts_on=date(2018, 3, 19), ends_on=date(2018, 3, 21)
    )
    MilestoneFactory(title="Later round", starts_on=date(2018, 4, 3))
    items = timeline_items(client.get("/dashboard").get_data(as_text=True))
    assert [state for state, _ in items] == ["current", "future"]
    assert "Round in progress" in items[0][1]
    assert "Now" in items[0][1]


def test_the_ten_act_cards(client, login_as, demo):
    login_as("observer")
    html = client.get("/dashboard").get_data(as_text=True)
    cards = re.findall(r'<article class="card card-act h-100">.*?</article>', html, re.DOTALL)
    assert len(cards) == 10
    assert "ACT 1: Drivers of human mobility" in cards[0]
    assert "ACT 10: Governance, implementation and monitoring" in cards[9]
    assert 'href="/acts/3"' in cards[2]


def _card(html: str, number: int) -> str:
    cards = re.findall(r'<article class="card card-act h-100">.*?</article>', html, re.DOTALL)
    return text_of(cards[number - 1])


def test_each_card_shows_report_messages_reflection_and_actions(app, client, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "2018-03-27")  # Rev 1 is out
    act = factories.ActFactory(number=1)
    report = factories.ReportFactory(act=act, status="accepted", visibility="shared")
    messages = [
        factories.KeyMessageFactory(act=act, report=report, visibility=v)
        for v in ("shared", "shared", "civil_society")
    ]
    zero = factories.DraftFactory(name="Zero", released_on=date(2018, 2, 5))
    latest = factories.DraftFactory(name="Rev 1", released_on=date(2018, 3, 26))
    factories.ReflectionFactory(key_message=messages[0], draft=zero, level="strong")
    factories.ReflectionFactory(key_message=messages[0], draft=latest, level="partial")
    factories.ReflectionFactory(key_message=messages[1], draft=latest, level="weak")
    factories.ReflectionFactory(key_message=messages[2], draft=latest, level="strong")
    factories.ActionFactory(act=act, due_on=date(2018, 3, 1), visibility="shared")
    factories.ActionFactory(act=act, due_on=date(2018, 4, 9))
    factories.ActionFactory(act=act, status="done")
    login_as("member")
    card = _card(client.get("/dashboard").get_data(as_text=True), 1)
    assert "Report: Accepted" in card
    assert "3 key messages · 2 of 3 reflected" in card
    assert "2 open · 1 overdue · 1 done" in card
    assert "Next due: Apr 9, 2018" in card
    login_as("observer")
    card = _card(client.get("/dashboard").get_data(as_text=True), 1)
    assert "2 key messages · 1 of 2 reflected" in card
    assert "1 open · 1 overdue · 0 done" in card


def test_drafts_sit_on_the_timeline_at_their_milestone(client, login_as):
    milestone = factories.MilestoneFactory(title="Draft Rev 1 released")
    factories.DraftFactory(name="Draft Rev 1", milestone=milestone)
    login_as("member")
    items = timeline_items(client.get("/dashboard").get_data(as_text=True))
    (entry,) = [text for _state, text in items if "Draft Rev 1 released" in text]
    assert "Draft: Draft Rev 1" in entry


def test_the_dashboard_runs_the_same_queries_whatever_its_size(client, login_as, count_queries):
    login_as("member")
    ActFactory()
    MilestoneFactory()
    with count_queries() as small:
        assert client.get("/dashboard").status_code == 200
    ActFactory.create_batch(9)
    MilestoneFactory.create_batch(14)
    with count_queries() as large:
        assert client.get("/dashboard").status_code == 200
    assert large.count == small.count


def test_my_actions_come_first_and_the_milestones_fold(client, login_as, demo):
    """On a phone the left column comes first: "My actions", then where the road stands now
    and next, its fifteen steps folded away."""
    login_as("member")
    html = client.get("/dashboard").get_data(as_text=True)
    assert html.index('id="h-mine"') < html.index('id="h-road"') < html.index('id="h-acts"')
    road = html[html.index('id="h-road"') : html.index('<ol class="timeline">')]
    text = text_of(road)
    assert "Last: Negotiation round 2" in text
    assert "Next: Draft Rev 1 released" in text
    assert '<details class="road-steps">' in road
    assert "All 15 steps" in text
