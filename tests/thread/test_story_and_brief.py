"""A key message's page and its story, and the one-page brief of an ACT (HTML and Markdown)."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from tests import factories
from tests.conftest import empty_tables
from tests.pages import text_of
from tests.reports.helpers import messages_of, report_with_messages
from tracker.core.extensions import db
from tracker.records.drafts import Reflection


def _story(html: str) -> str:
    start = html.index('id="h-story"')
    return text_of(html[start : html.index("</section>", start)])


def _thread(shared_note: bool = False):
    """An ACT 3 message from its group session to two drafts, with a small table."""
    act = factories.ActFactory(number=3, title="Protection")
    group = factories.MeetingSessionFactory(title="Group session: ACT 3", day=date(2017, 12, 2))
    factories.NoteFactory(
        session=group,
        act=act,
        title="Breakout on detention",
        visibility="shared" if shared_note else "civil_society",
    )
    report = factories.ReportFactory(
        act=act,
        session=group,
        status="accepted",
        visibility="shared",
        accepted_at=datetime(2017, 12, 5, 12, 0),
    )
    message = factories.KeyMessageFactory(
        act=act, report=report, visibility="shared", text="End child detention."
    )
    table = factories.MeetingSessionFactory(title="Small table: ACT 3", day=date(2017, 12, 3))
    mexico = factories.GovernmentFactory(name="Mexico")
    outcome = factories.TableOutcomeFactory(
        act=act, session=table, visibility="shared", governments=[mexico], chatham_house=True
    )
    factories.StanceFactory(
        outcome=outcome, government=mexico, key_message=message, position="supportive"
    )
    factories.ActionFactory(
        act=act,
        key_message=message,
        title="Brief the missions",
        visibility="shared",
        created_at=datetime(2018, 1, 10, 9, 0),
    )
    zero = factories.DraftFactory(name="Zero draft", released_on=date(2018, 2, 5))
    rev = factories.DraftFactory(name="Draft Rev 1", released_on=date(2018, 3, 26))
    factories.ReflectionFactory(key_message=message, draft=zero, level="weak")
    factories.ReflectionFactory(key_message=message, draft=rev, level="strong")
    return act, message


def test_the_message_page_is_stable_and_says_where_it_comes_from(client, login_as):
    report = report_with_messages("Regularisation pathways")
    message = messages_of(report.id)[0]
    login_as("member")
    html = client.get(f"/messages/{message.id}").get_data(as_text=True)
    assert "Regularisation pathways" in html
    assert f'href="/reports/{report.id}"' in html
    assert report.act.label in html
    assert "Follow-up actions" in html


def test_the_story_runs_from_the_meeting_room_to_the_drafts(client, login_as):
    _act, message = _thread()
    login_as("member")
    story = _story(client.get(f"/messages/{message.id}").get_data(as_text=True))
    steps = [
        "Voiced in the group session",
        "Breakout on detention",
        "Put to governments at the small table",
        "Mexico",
        "Written in the report",
        "Brief the missions",
        "In Zero draft",
        "Weak",
        "In Draft Rev 1",
        "Strong",
    ]
    places = [story.index(step) for step in steps]
    assert places == sorted(places), story


def test_observers_read_a_story_without_civil_society_records_or_names(client, login_as):
    _act, message = _thread()
    login_as("observer")
    story = _story(client.get(f"/messages/{message.id}").get_data(as_text=True))
    assert "Breakout on detention" not in story  # a civil-society-only note
    assert "Mexico" not in story
    assert "Government A" in story
    assert "In Draft Rev 1" in story
    assert "Brief the missions" in story


def test_the_brief_shows_standing_change_stances_and_actions_due(
    app, client, login_as, monkeypatch
):
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "2018-03-27")  # Rev 1 is out
    act, _message = _thread()
    factories.MilestoneFactory(title="Negotiation round 3", starts_on=date(2018, 4, 3))
    factories.ActionFactory(act=act, title="Due before round 3", due_on=date(2018, 3, 30))
    factories.ActionFactory(act=act, title="Due after round 3", due_on=date(2018, 5, 1))
    factories.ActionFactory(act=act, title="Already done", status="done")
    login_as("member")
    page = text_of(client.get("/acts/3/brief").get_data(as_text=True))
    assert "End child detention. Strong up from Weak Mexico: Supportive" in page
    assert "Open actions due before Negotiation round 3" in page
    assert "Due before round 3" in page
    assert "Due after round 3" not in page
    assert "Already done" not in page
    response = client.get("/acts/3/brief.md")
    assert response.mimetype == "text/markdown"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("# ACT 3: Protection\n")
    assert "1. End child detention.\n   - Latest draft: Strong (up from Weak)\n" in text
    assert "- Due before round 3 · Mar 30, 2018" in text


def test_a_lost_reflection_reads_absent_in_the_brief_and_lost_in_the_story(
    app, client, login_as, monkeypatch
):
    """Its paragraph deleted, an ask recorded Strong is no longer carried: the brief says
    absent (down), the story says lost, never Strong."""
    monkeypatch.setitem(app.config, "TRACKER_TODAY", "2018-03-27")  # Rev 1 is out
    _act, message = _thread()
    in_rev = db.session.scalar(
        select(Reflection).where(
            Reflection.key_message_id == message.id, Reflection.level == "strong"
        )
    )
    in_rev.state = "lost"
    db.session.commit()
    login_as("member")
    page = text_of(client.get("/acts/3/brief").get_data(as_text=True))
    assert "End child detention. Absent down from Weak" in page
    story = _story(client.get(f"/messages/{message.id}").get_data(as_text=True))
    assert "In Draft Rev 1 : Lost (paragraph deleted; was strong)" in story


def test_an_observer_brief_holds_shared_records_only(client, login_as):
    act, _message = _thread()
    factories.KeyMessageFactory(act=act, text="An internal ask.", visibility="civil_society")
    factories.ActionFactory(act=act, title="Internal follow-up", due_on=date(2018, 3, 30))
    login_as("observer")
    for url in ["/acts/3/brief", "/acts/3/brief.md"]:
        text = client.get(url).get_data(as_text=True)
        assert "End child detention." in text, url
        assert "An internal ask." not in text, url
        assert "Internal follow-up" not in text, url
        assert "Mexico" not in text, url
        assert "Chatham House" in text, url


@pytest.mark.parametrize("role", ["member", "observer"])
def test_story_and_brief_run_a_fixed_number_of_queries(client, login_as, count_queries, role):
    counts = []
    for extra in (1, 25):
        act, message = _thread()
        for _ in range(extra):
            other = factories.KeyMessageFactory(act=act, visibility="shared")
            factories.ActionFactory(act=act, key_message=message, due_on=date(2018, 3, 22))
            factories.ReflectionFactory(key_message=other, draft=factories.DraftFactory())
        login_as(role)
        sizes = []
        for url in [f"/messages/{message.id}", "/acts/3/brief", "/acts/3/brief.md"]:
            with count_queries() as counter:
                assert client.get(url).status_code == 200, url
            sizes.append(counter.count)
        counts.append(sizes)
        empty_tables()
    assert counts[0] == counts[1]
    assert max(counts[0]) <= 15


def test_a_civil_society_note_never_reaches_an_observer_search_brief_or_matrix(client, login_as):
    act, _message = _thread()
    secret = "Zanzibar fallback position"
    note = factories.NoteFactory(act=act, title=secret, body=f"{secret}: do not share.")
    login_as("member")
    assert f"/notes/{note.id}" in client.get("/search?q=Zanzibar").get_data(as_text=True)
    login_as("observer")
    for url in ["/search?q=Zanzibar", "/acts/3/brief", "/acts/3/brief.md", "/drafts/matrix"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert "fallback position" not in html, url
        assert f"/notes/{note.id}" not in html, url
