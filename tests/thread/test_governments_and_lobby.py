"""A government's page (its small-table stances and its positions round by round, with the
trend) and who to lobby on the asks absent or weak in the latest draft."""

import csv
import io
from datetime import date

from tests import factories
from tests.positions.helpers import a_round


def small_table(governments, message, chatham_house=False):
    """A published small-table outcome where each government supported `message`."""
    session = factories.MeetingSessionFactory(
        kind="small_table", audience="open", acts=[message.act]
    )
    outcome = factories.TableOutcomeFactory(
        act=message.act,
        session=session,
        governments=governments,
        chatham_house=chatham_house,
        visibility="civil_society",
    )
    for government in governments:
        factories.StanceFactory(outcome=outcome, government=government, key_message=message)
    factories.publish(outcome)
    return outcome


def _second_round():
    return factories.MilestoneFactory(title="Negotiation round 2", starts_on=date(2018, 3, 12))


def test_a_government_page_shows_its_positions_round_by_round_with_the_trend(client, login_as):
    r = a_round()
    later = _second_round()
    for milestone, stand in ((r.milestone, "opposes"), (later, "supports")):
        factories.RoundPositionFactory(
            milestone=milestone,
            government=r.mexico,
            act=r.act,
            key_message=r.message,
            stand=stand,
        )
    login_as("member")
    html = client.get(f"/governments/{r.mexico.id}").get_data(as_text=True)
    assert "End child detention." in html
    assert "Round 1" in html
    assert "Round 2" in html
    assert "moved from Opposes to Supports" in html


def test_observers_never_see_a_stance_of_a_table_under_the_chatham_house_rule(client, login_as):
    r = a_round()
    message = factories.KeyMessageFactory(act=r.act, rank=2, visibility="shared")
    government = r.mexico
    open_table = small_table([government], message)
    closed = small_table([government], message, chatham_house=True)
    login_as("observer")
    html = client.get(f"/governments/{government.id}").get_data(as_text=True)
    assert f"/outcomes/{open_table.id}" in html
    assert f"/outcomes/{closed.id}" not in html
    login_as("member")
    html = client.get(f"/governments/{government.id}").get_data(as_text=True)
    assert f"/outcomes/{closed.id}" in html


def _weak_ask_with_positions():
    r = a_round()
    factories.ReflectionFactory(
        key_message=r.message, draft=r.draft, level="weak", paragraphs=[r.paragraph]
    )
    hungary = factories.GovernmentFactory(name="Hungary")
    fiji = factories.GovernmentFactory(name="Fiji")
    # Hungary's position names the paragraph only; it is on the ask through its reflection.
    factories.RoundPositionFactory(
        milestone=r.milestone,
        government=hungary,
        act=r.act,
        paragraph=r.paragraph,
        paragraph_ref="21(c)",
        stand="opposes",
    )
    factories.RoundPositionFactory(
        milestone=r.milestone,
        government=fiji,
        act=r.act,
        key_message=r.message,
        stand="amends",
        amendment="Add “as a priority”.",
    )
    # Mexico reserved first, then supported: its latest position counts.
    factories.RoundPositionFactory(
        milestone=r.milestone,
        government=r.mexico,
        act=r.act,
        key_message=r.message,
        stand="reserves",
    )
    factories.RoundPositionFactory(
        milestone=_second_round(),
        government=r.mexico,
        act=r.act,
        key_message=r.message,
        stand="supports",
    )
    return r


def test_who_to_lobby_names_opponents_and_champions_of_a_weak_ask(client, login_as):
    r = _weak_ask_with_positions()
    strong = factories.KeyMessageFactory(act=r.act, rank=2, text="Already strong.")
    factories.ReflectionFactory(key_message=strong, draft=r.draft, level="strong")
    login_as("member")
    html = client.get("/acts/3/lobby").get_data(as_text=True)
    to_lobby, champions = html.split("To lobby")[1].split("Could champion it")
    assert "Hungary" in to_lobby
    assert "Mexico" not in to_lobby
    assert "Mexico" in champions
    assert "Add “as a priority”." in html
    assert "Already strong." not in html


def test_who_to_lobby_exports_csv_and_markdown(client, login_as):
    _weak_ask_with_positions()
    login_as("member")
    response = client.get("/acts/3/lobby.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {(row["Government or group"], row["Role"]) for row in rows} == {
        ("Hungary", "To lobby"),
        ("Fiji", "Proposes an amendment"),
        ("Mexico", "Could champion it"),
    }
    assert {row["Latest draft"] for row in rows} == {"Weak"}
    markdown = client.get("/acts/3/lobby.md").get_data(as_text=True)
    assert "## 1. End child detention." in markdown
    assert "- To lobby: Hungary (Opposes, Negotiation round 1)" in markdown


def test_the_brief_gains_who_to_lobby_for_civil_society_only(client, login_as):
    _weak_ask_with_positions()
    login_as("member")
    assert "Who to lobby" in client.get("/acts/3/brief").get_data(as_text=True)
    assert "## Who to lobby" in client.get("/acts/3/brief.md").get_data(as_text=True)
    login_as("observer")
    assert "Who to lobby" not in client.get("/acts/3/brief").get_data(as_text=True)
    assert client.get("/acts/3/lobby").status_code == 403


def test_the_act_page_and_the_story_show_the_positions(client, login_as):
    r = _weak_ask_with_positions()
    login_as("member")
    act_page = client.get("/acts/3").get_data(as_text=True)
    assert "positions in the negotiation rounds" in act_page
    assert "Hungary" in act_page
    story = client.get(f"/messages/{r.message.id}").get_data(as_text=True)
    assert "Positions in Negotiation round 1" in story
    assert "Hungary" in story


def _more_positions(r, size: int) -> None:
    for _ in range(size):
        government = factories.GovernmentFactory()
        factories.RoundPositionFactory(
            milestone=r.milestone,
            government=government,
            act=r.act,
            key_message=r.message,
            stand="opposes",
        )
        factories.RoundPositionFactory(
            milestone=r.milestone,
            government=r.mexico,
            act=r.act,
            key_message=factories.KeyMessageFactory(act=r.act),
            stand="reserves",
        )


def test_government_and_lobby_pages_run_the_same_queries_whatever_their_size(
    client, login_as, count_queries
):
    r = _weak_ask_with_positions()
    small_table([r.mexico], r.message)
    login_as("member")
    urls = [
        f"/governments/{r.mexico.id}",
        "/governments",
        "/acts/3/lobby",
        "/acts/3/lobby.csv",
        "/acts/3/brief",
    ]
    small = {}
    for url in urls:
        with count_queries() as counter:
            assert client.get(url).status_code == 200
        small[url] = counter.count
    _more_positions(r, 12)
    for _ in range(3):
        small_table([r.mexico, factories.GovernmentFactory()], r.message)
    for url in urls:
        with count_queries() as counter:
            assert client.get(url).status_code == 200
        assert counter.count == small[url], url
