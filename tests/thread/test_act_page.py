"""The ACT list and each ACT's page: the thread of one ACT, each feature's section shown as
the reader may see it, in a fixed number of queries whatever the ACT holds."""

import re
from datetime import date

import pytest

from tests import factories
from tests.factories import ActFactory, MeetingSessionFactory, SpeakerFactory
from tests.tables.helpers import small_table_with_messages


def test_the_act_list_runs_the_same_queries_whatever_its_size(client, login_as, count_queries):
    login_as("member")
    ActFactory()
    with count_queries() as small:
        assert client.get("/acts").status_code == 200
    ActFactory.create_batch(9)
    with count_queries() as large:
        html = client.get("/acts").get_data(as_text=True)
    assert html.count('<li class="list-group-item">') == 10
    assert large.count == small.count


def test_the_act_page_runs_the_same_queries_whatever_its_size(client, login_as, count_queries):
    login_as("member")
    act = ActFactory(number=1)
    first = MeetingSessionFactory(acts=[act])
    SpeakerFactory(session=first)
    with count_queries() as small:
        assert client.get("/acts/1").status_code == 200
    for _ in range(8):
        item = MeetingSessionFactory(meeting=first.meeting, acts=[act, ActFactory()])
        SpeakerFactory.create_batch(3, session=item)
    with count_queries() as large:
        html = client.get("/acts/1").get_data(as_text=True)
    assert len(re.findall(r'href="/sessions/\d+"', html)) == 9
    assert large.count == small.count


def _fill_act(act, session, size: int) -> None:
    report = factories.ReportFactory(act=act, session=session, status="accepted")
    messages = factories.KeyMessageFactory.create_batch(size, act=act, report=report)
    factories.NoteFactory.create_batch(size, act=act, session=session)
    draft = factories.DraftFactory()
    for message in messages:
        factories.ReflectionFactory(key_message=message, draft=draft)
    government = factories.GovernmentFactory()
    for _ in range(min(size, 5)):
        outcome = factories.TableOutcomeFactory(act=act, governments=[government])
        factories.StanceFactory(outcome=outcome, government=government, key_message=messages[0])
    factories.ActionFactory.create_batch(size, act=act)


@pytest.mark.parametrize("role", ["member", "observer"])
def test_the_act_page_shows_a_bounded_thread_in_fixed_queries(
    client, login_as, count_queries, role
):
    login_as(role)
    act = ActFactory(number=2)
    counts = []
    for size in (2, 40):
        _fill_act(act, MeetingSessionFactory(acts=[act]), size)
        with count_queries() as counter:
            html = client.get("/acts/2").get_data(as_text=True)
        counts.append(counter.count)
    # One query per section: whether the reader follows the ACT, the governments' positions.
    assert counts[0] == counts[1] <= 17
    if role == "member":
        assert "The 10 latest of 42 notes" in html
        assert "The first 20 of 42 key messages." in html
        assert len(re.findall(r'href="/outcomes/\d+"', html)) == 3
        assert len(html) < 400_000


# Reflections in the drafts


def test_act_page_shows_levels_per_draft_and_hides_civil_society_messages(
    app, client, login_as, monkeypatch
):
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "2018-07-13")  # the final text is out
    act = factories.ActFactory(number=7)
    report = factories.ReportFactory(act=act, visibility="shared", status="accepted")
    shared = factories.KeyMessageFactory(
        report=report, act=act, visibility="shared", text="End child detention now"
    )
    hidden = factories.KeyMessageFactory(
        report=report, act=act, visibility="civil_society", text="An ask kept inside"
    )
    zero = factories.DraftFactory(name="Zero draft", released_on=date(2018, 2, 5))
    final = factories.DraftFactory(name="Final text", released_on=date(2018, 7, 13))
    factories.ReflectionFactory(key_message=shared, draft=zero, level="weak")
    factories.ReflectionFactory(key_message=shared, draft=final, level="strong")
    factories.ReflectionFactory(key_message=hidden, draft=final, level="absent")

    login_as("member")
    html = client.get("/acts/7").get_data(as_text=True)
    assert "Reflection in the drafts" in html
    assert (
        "1 of 2 key messages reflected (partial or strong) in the latest draft, Final text" in html
    )
    grid = html[html.index("reflection-grid") :]
    assert grid.index("Zero draft") < grid.index("Final text")
    assert "level-weak" in html
    assert "level-strong" in html
    assert "level-absent" in html
    assert "An ask kept inside" in html

    login_as("observer")
    html = client.get("/acts/7").get_data(as_text=True)
    assert "End child detention now" in html
    assert "level-strong" in html
    assert "1 of 1 key message reflected" in html
    assert "An ask kept inside" not in html
    assert "level-absent" not in html


def test_act_page_reflections_keep_the_query_count(client, login_as, count_queries):
    login_as("member")
    act = factories.ActFactory(number=8)
    report = factories.ReportFactory(act=act)
    message = factories.KeyMessageFactory(report=report, act=act)
    factories.ReflectionFactory(key_message=message)
    with count_queries() as small:
        assert client.get("/acts/8").status_code == 200
    for _ in range(4):
        draft = factories.DraftFactory()
        for _ in range(3):
            other = factories.KeyMessageFactory(report=report, act=act)
            factories.ReflectionFactory(key_message=other, draft=draft)
    with count_queries() as large:
        assert client.get("/acts/8").status_code == 200
    assert small.count == large.count


# Actions


def test_the_act_page_counts_open_overdue_and_done(client, login_as):
    act = factories.ActFactory(number=3)
    factories.ActionFactory(act=act, due_on=date(2018, 3, 1))
    factories.ActionFactory(act=act, due_on=date(2018, 3, 28), title="Next up")
    factories.ActionFactory(act=act, status="done")
    login_as("member")
    html = client.get("/acts/3").get_data(as_text=True)
    assert "2 open" in html
    assert "1 overdue" in html
    assert "1 done" in html
    assert "Next due: Mar 28, 2018" in html
    assert "Next up" in html


# Small tables


def test_the_act_page_shows_the_grid_without_names_under_chatham_house(client, login_as):
    outcome, states, (message, _) = small_table_with_messages(chatham_house=True)
    for government in states:
        factories.StanceFactory(
            outcome=outcome, government=government, key_message=message, position="open"
        )
    login_as("observer")
    html = client.get(f"/acts/{outcome.act.number}").get_data(as_text=True)
    assert "Government A" in html
    assert "stance-open" in html
    assert all(government.name not in html for government in states)


def test_the_act_page_runs_the_same_queries_whatever_the_grid_size(client, login_as, count_queries):
    login_as("member")
    pages = {}
    for size, (messages, governments) in (("small", (2, 2)), ("large", (8, 15))):
        outcome, states, keys = small_table_with_messages(messages, governments)
        for government in states:
            for key in keys:
                factories.StanceFactory(outcome=outcome, government=government, key_message=key)
        with count_queries() as counter:
            assert client.get(f"/acts/{outcome.act.number}").status_code == 200
        pages[size] = counter.count
    assert pages["small"] == pages["large"]


# What grows with the workspace is folded


def test_the_act_page_shows_its_latest_sessions_and_links_them_all(client, login_as, count_queries):
    login_as("member")
    act = ActFactory(number=4)
    first = MeetingSessionFactory(acts=[act], title="Session number 0")
    counts = []
    made = 1
    for size in (3, 60):
        while made < size:
            MeetingSessionFactory(meeting=first.meeting, acts=[act], title=f"Another {made}")
            made += 1
        with count_queries() as counter:
            html = client.get("/acts/4").get_data(as_text=True)
        counts.append(counter.count)
    assert counts[0] == counts[1]
    assert len(re.findall(r'href="/sessions/\d+"', html)) == 10
    assert "The 10 latest of 60 sessions on this ACT." in html
    assert 'href="/acts/4/sessions">All 60 sessions</a>' in html
    listing = client.get("/acts/4/sessions").get_data(as_text=True)
    assert len(re.findall(r'href="/sessions/\d+"', listing)) == 50
    assert "60 sessions on the agenda cover this ACT." in listing
    assert "Session number 0" in listing
    rest = client.get("/acts/4/sessions?page=2").get_data(as_text=True)
    assert len(re.findall(r'href="/sessions/\d+"', rest)) == 10


def test_the_act_sessions_page_runs_fixed_queries(client, login_as, count_queries):
    login_as("observer")
    act = ActFactory(number=5)
    counts = []
    for size in (2, 70):
        for _ in range(size):
            MeetingSessionFactory(acts=[act])
        with count_queries() as counter:
            assert client.get("/acts/5/sessions").status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
    assert client.get("/acts/99/sessions").status_code == 404


def test_the_act_page_draws_the_latest_outcomes_grid_and_links_the_earlier_ones(client, login_as):
    login_as("member")
    act = ActFactory(number=2)
    _fill_act(act, MeetingSessionFactory(acts=[act]), 6)
    html = client.get("/acts/2").get_data(as_text=True)
    assert len(re.findall(r'href="/outcomes/\d+"', html)) == 3
    assert html.count('class="table table-sm table-bordered stance-grid') == 1


def test_the_follow_button_is_each_readers_own_on_the_shared_page(client, login_as):
    """The ACT page is rendered once for every member; whether one follows it is not."""
    act = factories.ActFactory(number=7)
    follower = login_as("member")
    client.get(f"/acts/{act.number}")  # the shared page, rendered and kept
    assert client.post(f"/acts/{act.number}/follow").status_code == 302
    assert "Stop following" in client.get(f"/acts/{act.number}").get_data(as_text=True)
    login_as("member")
    page = client.get(f"/acts/{act.number}").get_data(as_text=True)
    assert "Stop following" not in page
    assert ">Follow<" in page
    login_as(follower)
    assert "Stop following" in client.get(f"/acts/{act.number}").get_data(as_text=True)
