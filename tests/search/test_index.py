"""The full-text index: what it finds in any of the three languages, that every write keeps
it right, and that observers' entries hold only the words observers may read."""

from datetime import date

from sqlalchemy import func, select

from tests import factories
from tests.access import versioned
from tests.pages import result_links
from tracker.core.extensions import db
from tracker.data.bench import generate
from tracker.data.demo import load_demo
from tracker.records.notes import Note
from tracker.records.publishing import publish, withdraw
from tracker.records.search_index import SearchEntry
from tracker.reports.messages import merge_key_message
from tracker.search import index
from tracker.text.search import index_text

HIDDEN = "zanzibarine"  # a word only the working copies hold


def search(client, **params) -> tuple[int, str]:
    response = client.get("/search", query_string=params)
    return response.status_code, response.get_data(as_text=True)


def found(client, query: str, **params) -> list[str]:
    status, html = search(client, q=query, **params)
    assert status == 200
    return result_links(html)


def entries() -> list[tuple]:
    rows = db.session.execute(
        select(
            SearchEntry.kind,
            SearchEntry.record_id,
            SearchEntry.audience,
            SearchEntry.act_id,
            SearchEntry.group_key,
            SearchEntry.terms,
            SearchEntry.context,
        )
    )
    return sorted(tuple(row) for row in rows)


def observer_entries_hold(word: str) -> bool:
    token = index_text(word)
    return any(
        token in terms.split()
        for terms in db.session.scalars(
            select(SearchEntry.terms).where(SearchEntry.audience == "observer")
        )
    )


# Languages ----------------------------------------------------------------------------------


def test_a_french_note_is_found_by_travail_decent(client, login_as):
    login_as("member")
    french = factories.NoteFactory(
        title="Table ronde",
        body="Les États ont parlé du **travail décent** pour les travailleuses migrantes.",
    )
    english = factories.NoteFactory(title="Plenary", body="Decent work for all migrant workers.")
    factories.NoteFactory(title="Other", body="Le travail des commissions a commencé.")
    assert set(found(client, "travail décent")) == {f"/notes/{french.id}", f"/notes/{english.id}"}
    assert set(found(client, "decent work")) == {f"/notes/{french.id}", f"/notes/{english.id}"}
    assert set(found(client, "trabajo decente")) == {
        f"/notes/{french.id}",
        f"/notes/{english.id}",
    }
    _, html = search(client, q="travail décent")
    assert "<mark>travail</mark> <mark>décent</mark>" in html


def test_plurals_and_word_forms_are_stemmed_in_the_text_language(client, login_as):
    login_as("member")
    french = factories.NoteFactory(body="Les politiques nationales de migration.")
    spanish = factories.KeyMessageFactory(text="Las políticas nacionales de los Estados.")
    english = factories.NoteFactory(body="A national policy on migration.")
    # French and Spanish share the stem (a query is stemmed in the three languages).
    cognates = {f"/notes/{french.id}", f"/messages/{spanish.id}"}
    for query in ("politique", "politiques", "política", "políticas"):
        assert set(found(client, query)) == cognates, query
    for query in ("policy", "policies"):
        assert found(client, query) == [f"/notes/{english.id}"], query


# Ranking every match ------------------------------------------------------------------------


def test_every_match_is_ranked_not_only_the_newest(client, login_as):
    login_as("member")
    filler = " ".join(f"word{n}" for n in range(40))
    best = factories.NoteFactory(title="Detention", body="Detention, detention and detention.")
    for n in range(90):
        factories.NoteFactory(title=f"Note {n}", body=f"Detention once. {filler}")
    _, html = search(client, q="detention")
    assert "91 results" in html
    assert result_links(html)[0] == f"/notes/{best.id}"
    _, html = search(client, q="detention", page="5")
    assert len(result_links(html)) == 11


def test_copies_of_a_paragraph_across_drafts_are_one_result(client, login_as):
    login_as("observer")
    text = "Use immigration detention only as a measure of last resort."
    drafts = [
        factories.DraftFactory(name=name, released_on=day)
        for name, day in (("Zero draft", date(2018, 2, 5)), ("Revision 1", date(2018, 3, 5)))
    ]
    final = factories.DraftFactory(name="Final text", released_on=date(2018, 7, 13))
    copies = [
        factories.DraftParagraphFactory(draft=draft, ref="29(h)", text=text) for draft in drafts
    ]
    kept = factories.DraftParagraphFactory(draft=final, ref="29(i)", text=text)
    changed = factories.DraftParagraphFactory(
        draft=final, ref="29(j)", text="Use detention as a last resort, if at all."
    )
    _, html = search(client, q="detention last resort")
    # The copy in the newest draft stands for the others, listed in the drafts' order.
    assert set(result_links(html)) == {
        f"/drafts/{final.id}#p-{kept.ref.replace('(', '-').rstrip(')')}",
        f"/drafts/{final.id}#p-29-j",
    }
    assert "2 results" in html
    assert html.count("Also in:") == 1
    also = html[html.index("Also in:") :]
    zero, revision = (f'href="/drafts/{copy.draft_id}#p-29-h"' for copy in copies)
    assert also.index(zero) < also.index(revision) < also.index("</p>")
    assert f"{zero}>Zero draft</a>" in also
    assert changed.id not in [copy.id for copy in copies]


# Observers ----------------------------------------------------------------------------------


def test_an_observer_never_matches_a_word_of_the_working_copy(client, login_as):
    coordinator = login_as("coordinator")
    note = factories.NoteFactory(title="Open table", body="Detention was discussed.")
    assert client.post(f"/notes/{note.id}/publish").status_code == 302
    response = client.post(
        f"/notes/{note.id}/edit",
        data=versioned(note, title="Open table", body=f"Detention and {HIDDEN} strategy."),
    )
    assert response.status_code == 302
    assert found(client, HIDDEN) == [f"/notes/{note.id}"]  # civil society: the working copy

    login_as("observer")
    assert found(client, "detention") == [f"/notes/{note.id}"]
    for query in (HIDDEN, f"detention {HIDDEN}", "strategy"):
        _status, html = search(client, q=query)
        assert result_links(html) == [], query
        assert "Nothing matches" in html
    assert not observer_entries_hold(HIDDEN)

    # Published again, the word is the observers' too; withdrawn, nothing is found.
    db.session.refresh(note)
    publish(note, coordinator)
    db.session.commit()
    assert found(client, HIDDEN) == [f"/notes/{note.id}"]
    withdraw(note, coordinator)
    db.session.commit()
    assert found(client, "detention") == []
    assert not observer_entries_hold("detention")


def test_no_observer_entry_holds_a_word_observers_may_not_read(client, login_as):
    """Every searched field of every kind, planted after publishing (and unpublished
    records, and a report's internal part): observers' entries never hold it."""
    coordinator = factories.UserFactory(role="coordinator")
    act = factories.ActFactory()
    report = factories.ReportFactory(act=act, summary="Agreed.", status="accepted")
    factories.ReportPriorityFactory(report=report, text="End detention.")
    message = factories.KeyMessageFactory(report=report, text="No detention.")
    government = factories.GovernmentFactory(name="Freedonia")
    outcome = factories.TableOutcomeFactory(
        act=act, summary="Freedonia spoke on detention.", governments=[government]
    )
    note = factories.NoteFactory(act=act, title="Detention", body="Detention.")
    action = factories.ActionFactory(act=act, title="Detention brief", description="Detention.")
    records = (report, message, outcome, note, action)
    for record in records:
        publish(record, coordinator)
    db.session.commit()
    report.summary = HIDDEN
    report.priorities[0].text = HIDDEN
    report.internal.strategy_notes = "internalword"
    message.text = HIDDEN
    outcome.summary = HIDDEN
    outcome.commitments = "Freedonia will host."
    outcome.chatham_house = True  # the rule applies at once, before any new publishing
    note.title = note.body = HIDDEN
    action.title = action.description = HIDDEN
    factories.NoteFactory(body=HIDDEN)  # never published
    db.session.commit()

    assert not observer_entries_hold(HIDDEN)
    assert not observer_entries_hold("internalword")
    assert not observer_entries_hold("Freedonia")
    login_as("observer")
    for query in (HIDDEN, "internalword", "freedonia"):
        assert found(client, query) == [], query
    assert len(found(client, "detention")) == len(records)
    login_as("member")
    assert len(found(client, HIDDEN)) == len(records) + 1


# Every write keeps the index right ----------------------------------------------------------


def test_edits_merges_and_deletions_reach_the_index(client, login_as):
    login_as("member")
    act = factories.ActFactory()
    report = factories.ReportFactory(act=act, summary="Summary.")
    priority = factories.ReportPriorityFactory(report=report, text="Firewalls first.")
    message = factories.KeyMessageFactory(report=report, act=act, text="Build firewalls.")
    target = factories.KeyMessageFactory(report=report, act=act, text="Public services for all.")
    note = factories.NoteFactory(act=act, body="Firewalls.")
    paragraph = factories.DraftParagraphFactory(text="Firewalls between services.")
    db.session.commit()
    assert len(found(client, "firewall")) == 4

    db.session.delete(priority)
    merge_key_message(message, target)
    note.body = "Remittances."
    paragraph.text = "Remittances and fees."
    db.session.commit()
    assert found(client, "firewall") == []
    assert set(found(client, "remittances")) == {
        f"/notes/{note.id}",
        f"/drafts/{paragraph.draft_id}#p-{paragraph.ref}",
    }
    db.session.delete(note)
    db.session.delete(paragraph.draft)
    db.session.commit()
    assert found(client, "remittances") == []
    assert db.session.scalar(select(SearchEntry.id).where(SearchEntry.kind == "notes")) is None


def test_rebuilding_writes_the_same_index_the_writes_kept(client, login_as):
    coordinator = login_as("coordinator")
    act = factories.ActFactory()
    report = factories.ReportFactory(act=act, summary="Detention.", visibility="shared")
    factories.ReportPriorityFactory(report=report, text="Alternatives.")
    factories.KeyMessageFactory(report=report, act=act, text="Détention des enfants.")
    outcome = factories.TableOutcomeFactory(act=act, summary="Talks.", chatham_house=True)
    factories.NoteFactory(act=act, body="Notes on détention.", visibility="shared")
    factories.ActionFactory(act=act, title="Brief", visibility="shared")
    factories.DraftParagraphFactory(section="Objective 13", text="Detention as a last resort.")
    publish(outcome, coordinator)
    outcome.summary = "Talks went on."
    db.session.commit()
    kept = entries()
    assert {entry[2] for entry in kept} == {"civil_society", "observer", "everyone"}
    assert index.rebuild() == len(kept)
    db.session.commit()
    assert entries() == kept


def test_the_demo_and_the_bench_data_are_indexed(app_context):
    load_demo()
    db.session.commit()
    demo = entries()
    assert {entry[0] for entry in demo} >= {"paragraphs", "notes", "messages", "reports"}
    assert index.rebuild() == len(demo)
    assert entries() == demo

    generate("small")  # bulk inserts, indexed once at the end
    generated = entries()
    notes = db.session.scalar(select(func.count()).select_from(Note))
    shared = db.session.scalar(select(func.count()).where(Note.visibility == "shared"))
    assert [entry[2] for entry in generated if entry[0] == "notes"].count("civil_society") == notes
    assert [entry[2] for entry in generated if entry[0] == "notes"].count("observer") == shared
    assert index.rebuild() == len(generated)
    assert entries() == generated
