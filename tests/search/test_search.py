"""The search page: what it finds, in which order, for whom, and how it shows it."""

import re

import pytest

from tests import factories
from tests.pages import result_links


def search(client, **params) -> tuple[int, str]:
    response = client.get("/search", query_string=params)
    return response.status_code, response.get_data(as_text=True)


def test_the_navigation_bar_has_a_labelled_search_box(client, login_as):
    login_as("observer")
    html = client.get("/dashboard").get_data(as_text=True)
    assert 'role="search"' in html
    assert '<label class="visually-hidden" for="nav-search">' in html
    assert 'id="nav-search" name="q"' in html
    assert 'action="/search"' in html


def test_signed_out_visitors_have_no_search_box(client):
    assert 'id="nav-search"' not in client.get("/sign-in").get_data(as_text=True)


def test_an_empty_query_shows_the_form_and_a_hint(client, login_as):
    login_as("member")
    factories.NoteFactory(body="Anything at all.")
    for params in ({}, {"q": ""}, {"q": "   "}):
        status, html = search(client, **params)
        assert status == 200
        assert 'name="q"' in html
        assert 'name="act"' in html
        assert 'name="type"' in html
        assert "Type one or more words" in html
        assert result_links(html) == []


def test_an_overlong_query_is_refused_with_a_message_next_to_the_field(client, login_as):
    login_as("member")
    status, html = search(client, q="detention " * 21)
    assert status == 400
    assert re.search(
        r'name="q"[^>]*>\s*<div class="invalid-feedback[^"]*"[^>]*>\s*'
        r"Search for at most 200 characters.",
        html,
    )


@pytest.mark.parametrize(
    "params",
    [
        {"q": "detention", "act": "abc"},
        {"q": "detention", "act": "99"},
        {"q": "detention", "type": "elephants"},
    ],
)
def test_bad_filters_answer_400_never_500(client, login_as, params):
    login_as("member")
    factories.ActFactory(number=3)
    status, html = search(client, **params)
    assert status == 400
    assert "invalid-feedback" in html


@pytest.mark.parametrize("page", ["abc", "0", "-3", "999"])
def test_any_page_number_answers(client, login_as, page):
    login_as("member")
    factories.NoteFactory(body="Child detention must end.", visibility="shared")
    status, html = search(client, q="detention", page=page)
    assert status == 200
    assert len(result_links(html)) == 1


def test_a_query_of_common_words_only_says_so(client, login_as):
    login_as("member")
    factories.NoteFactory(body="The and of the.")
    status, html = search(client, q="the and of 2018")
    assert status == 200
    assert "too common to search for" in html
    assert result_links(html) == []


def test_every_kind_of_record_is_found(client, login_as):
    login_as("member")
    act = factories.ActFactory(number=5, title="Decent work")
    note = factories.NoteFactory(act=act, body="We discussed firewalls at length.")
    report = factories.ReportFactory(act=act, summary="Nothing to see here.")
    factories.ReportPriorityFactory(report=report, text="A firewall between services.")
    other_report = factories.ReportFactory(act=act, summary="The firewall came first.")
    message = factories.KeyMessageFactory(report=other_report, text="Build a firewall.")
    outcome = factories.TableOutcomeFactory(act=act, summary="", commitments="A firewall, soon.")
    paragraph = factories.DraftParagraphFactory(
        ref="21(c)", position=3, text="Establish a firewall."
    )
    status, html = search(client, q="firewall")
    assert status == 200
    assert set(result_links(html)) == {
        f"/notes/{note.id}",
        f"/reports/{report.id}",
        f"/reports/{other_report.id}",
        f"/messages/{message.id}",
        f"/outcomes/{outcome.id}",
        f"/drafts/{paragraph.draft_id}#p-21-c",
    }
    for label in ("Notes", "Reports", "Key messages", "Table outcomes", "Draft paragraphs"):
        assert f'<span class="badge text-bg-secondary">{label}</span>' in html
    assert "ACT 5: Decent work" in html
    assert "5 results" not in html
    assert "6 results" in html


def test_the_more_relevant_comes_first(client, login_as):
    login_as("member")
    filler = " ".join(f"word{n}" for n in range(80))
    once = factories.NoteFactory(title="Long note", body=f"Detention is mentioned. {filler}")
    often = factories.NoteFactory(
        title="Detention", body="Child detention: alternatives to detention now."
    )
    both = factories.NoteFactory(title="Both", body="Alternatives to child detention.")
    _, html = search(client, q="child detention")
    assert result_links(html) == [f"/notes/{often.id}", f"/notes/{both.id}"]
    _, html = search(client, q="detention")
    assert result_links(html)[-1] == f"/notes/{once.id}"
    assert result_links(html)[0] == f"/notes/{often.id}"


def test_accents_capitals_and_the_three_languages_match(client, login_as):
    login_as("member")
    french = factories.NoteFactory(body="La DÉTENTION des enfants doit cesser.")
    spanish = factories.KeyMessageFactory(text="Poner fin a la detención de niños y niñas.")
    english = factories.NoteFactory(body="End child detention.")
    _, html = search(client, q="detention children")
    assert set(result_links(html)) == {
        f"/notes/{french.id}",
        f"/messages/{spanish.id}",
        f"/notes/{english.id}",
    }
    assert "<mark>DÉTENTION</mark>" in html
    assert "<mark>enfants</mark>" in html
    assert "<mark>detención</mark>" in html
    assert "<mark>niños</mark>" in html
    _, html = search(client, q="détention")
    assert len(result_links(html)) == 3


def test_filters_by_act_and_by_type_live_in_the_url(client, login_as):
    login_as("member")
    three = factories.ActFactory(number=3)
    four = factories.ActFactory(number=4)
    in_three = factories.NoteFactory(act=three, body="Detention in ACT 3.")
    in_four = factories.NoteFactory(act=four, body="Detention in ACT 4.")
    message = factories.KeyMessageFactory(
        report=factories.ReportFactory(act=three), text="No detention."
    )
    # Beyond the first hundred positions, on the second page of its draft.
    paragraph = factories.DraftParagraphFactory(position=120, text="Detention as a last resort.")

    _, html = search(client, q="detention", act="3")
    assert set(result_links(html)) == {f"/notes/{in_three.id}", f"/messages/{message.id}"}
    assert '<option selected value="3">' in html

    _, html = search(client, q="detention", type="notes")
    assert set(result_links(html)) == {f"/notes/{in_three.id}", f"/notes/{in_four.id}"}

    _, html = search(client, q="detention", type="paragraphs")
    assert result_links(html) == [f"/drafts/{paragraph.draft_id}?page=2#p-{paragraph.ref}"]

    _, html = search(client, q="detention", act="4", type="messages")
    assert result_links(html) == []
    assert "Nothing matches" in html


def test_results_are_paginated_and_the_pager_keeps_the_filters(client, login_as):
    login_as("member")
    act = factories.ActFactory(number=2)
    for n in range(25):
        factories.NoteFactory(act=act, title=f"Note {n}", body="Detention again.")
    _, html = search(client, q="detention", act="2")
    assert len(result_links(html)) == 20
    assert "25 results" in html
    assert "/search?page=2&amp;q=detention&amp;act=2" in html
    _, html = search(client, q="detention", act="2", page="2")
    assert len(result_links(html)) == 5


def test_snippets_mark_the_words_and_escape_the_text(client, login_as):
    login_as("member")
    note = factories.NoteFactory(
        title="<b>Bold</b> & detention",
        body='<script>alert("detention")</script> Alternatives to **detention** exist.',
    )
    status, html = search(client, q="detention")
    assert status == 200
    assert result_links(html) == [f"/notes/{note.id}"]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;<mark>detention</mark>&#34;)&lt;/script&gt;" in html
    assert "Alternatives to <mark>detention</mark> exist." in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; <mark>detention</mark>" in html


def test_a_snippet_is_a_window_around_the_best_match(client, login_as):
    login_as("member")
    before = " ".join(f"before{n}" for n in range(60))
    after = " ".join(f"after{n}" for n in range(60))
    factories.NoteFactory(body=f"{before} The firewall protects migrants. {after}")
    _, html = search(client, q="firewall")
    snippet = re.search(r'<p class="mb-0 small">(.*?)</p>', html, re.S).group(1)
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert "<mark>firewall</mark>" in snippet
    assert "before0 " not in snippet
    assert "after59" not in snippet
    assert len(re.sub(r"</?mark>", "", snippet)) <= 250


def test_the_internal_part_of_a_report_is_never_found(client, login_as):
    report = factories.ReportFactory(summary="Our public summary.", visibility="shared")
    report.internal.divergence = "Views on zanzibarine returns differed."
    report.internal.strategy_notes = "Keep the zanzibarine angle quiet."
    for role in ("admin", "member", "observer"):
        login_as(role)
        status, html = search(client, q="zanzibarine")
        assert status == 200
        assert result_links(html) == []
        assert "Views on" not in html
        assert "angle quiet" not in html


def test_a_civil_society_note_never_reaches_an_observer(client, login_as):
    hidden = factories.NoteFactory(
        title="Closed door", body="Strategy on detention.", visibility="civil_society"
    )
    shared = factories.NoteFactory(
        title="Open table", body="Detention was discussed.", visibility="shared"
    )
    login_as("observer")
    _, html = search(client, q="detention")
    assert result_links(html) == [f"/notes/{shared.id}"]
    assert "Closed door" not in html
    assert "Strategy on" not in html
    assert "1 result" in html

    login_as("member")
    _, html = search(client, q="detention")
    assert set(result_links(html)) == {f"/notes/{hidden.id}", f"/notes/{shared.id}"}


def test_observers_find_only_shared_reports_messages_and_outcomes(client, login_as):
    act = factories.ActFactory()
    hidden_report = factories.ReportFactory(act=act, summary="Detention plans.")
    shared_report = factories.ReportFactory(
        act=act, summary="Detention agreed.", visibility="shared", status="accepted"
    )
    factories.KeyMessageFactory(report=shared_report, text="Detention kept inside.")
    shared_message = factories.KeyMessageFactory(
        report=shared_report, text="End detention.", visibility="shared"
    )
    factories.TableOutcomeFactory(act=act, summary="Detention talk.", visibility="civil_society")
    login_as("observer")
    _, html = search(client, q="detention")
    assert set(result_links(html)) == {
        f"/reports/{shared_report.id}",
        f"/messages/{shared_message.id}",
    }
    assert f"/reports/{hidden_report.id}" not in html


def test_chatham_house_names_never_reach_an_observer(client, login_as):
    freedonia = factories.GovernmentFactory(name="Freedonia")
    san_lorenzo = factories.GovernmentFactory(name="San Lorenzo")
    outcome = factories.TableOutcomeFactory(
        chatham_house=True,
        governments=[freedonia, san_lorenzo],
        summary="FREEDONIA backed ending child detention; san lorenzo was reserved.",
        commitments="Freedonia will host a meeting on detention.",
    )
    login_as("observer")
    _, html = search(client, q="detention")
    assert result_links(html) == [f"/outcomes/{outcome.id}"]
    assert "freedonia" not in html.lower()
    assert "lorenzo" not in html.lower()
    assert "a government backed ending child <mark>detention</mark>" in html
    for name in ("Freedonia", "San Lorenzo", "lorenzo"):
        _, html = search(client, q=name)
        assert result_links(html) == []

    login_as("member")
    _, html = search(client, q="freedonia")
    assert result_links(html) == [f"/outcomes/{outcome.id}"]
    assert "<mark>FREEDONIA</mark>" in html


def test_without_chatham_house_observers_read_the_summary_as_written(client, login_as):
    mexico = factories.GovernmentFactory(name="Mexico")
    factories.TableOutcomeFactory(governments=[mexico], summary="Mexico offered to host.")
    login_as("observer")
    _, html = search(client, q="mexico")
    assert "<mark>Mexico</mark> offered to host." in html


@pytest.mark.parametrize(
    "query",
    [
        "\x00detention",
        "%_detention_%",
        "' OR 1=1 --",
        "ﬁrewall 🙂 e\u0301tat",
        "x" * 200,
        "détention " * 20,
    ],
)
def test_odd_queries_answer_200(client, login_as, query):
    login_as("observer")
    factories.NoteFactory(body="Detention 100% of the time.", visibility="shared")
    status, _html = search(client, q=query)
    assert status == 200


def test_actions_are_found_and_observers_find_only_the_shared_ones(client, login_as):
    factories.ActionFactory(title="Brief the missions on firewalls", visibility="shared")
    hidden = factories.ActionFactory(
        title="Internal firewalls strategy", description="Who calls which mission."
    )
    login_as("member")
    _, html = search(client, q="firewalls", type="actions")
    assert len(result_links(html)) == 2
    assert f"/actions/{hidden.id}" in result_links(html)
    login_as("observer")
    _, html = search(client, q="firewalls")
    assert len(result_links(html)) == 1
    assert f"/actions/{hidden.id}" not in html
    assert "Internal firewalls strategy" not in html
