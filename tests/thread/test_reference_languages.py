"""Reference data in the reader's language: in French and Spanish no English ACT title,
milestone name or country name is left on the ACT list, the dashboard, the agenda and a
small table's outcome page.

What people wrote (notes, summaries, commitments) stays in the language it was written in:
the check reads the page without the `markdown-body` blocks that hold it.
"""

import html
from html.parser import HTMLParser

import pytest
from babel import Locale
from sqlalchemy import select

from tracker.core.extensions import db
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, Milestone
from tracker.records.tables import Government, GovernmentKind, TableOutcome


class _Interface(HTMLParser):
    """The page's text, without the blocks of what people wrote."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if self._skipping:
            self._skipping += tag != "br"
        elif "markdown-body" in (dict(attrs).get("class") or "").split():
            self._skipping = 1

    def handle_endtag(self, tag):
        if self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def interface_text(html: str) -> str:
    parser = _Interface()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _english_left(text: str, records, field: str, language: str) -> list[str]:
    """The records whose English `field` shows although it has a different translation."""
    return [
        getattr(record, field)
        for record in records
        if record.translations.get(language, {}).get(field, getattr(record, field))
        != getattr(record, field)
        and getattr(record, field) in text
    ]


@pytest.fixture
def outcome(demo):
    """The demo's attributed (not Chatham House) outcome with the most governments."""
    outcomes = db.session.scalars(
        select(TableOutcome).where(TableOutcome.chatham_house.is_(False))
    ).all()
    return max(outcomes, key=lambda outcome: len(outcome.governments))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_reference_data_reads_in_the_readers_language(client, login_as, outcome, language):
    login_as("coordinator", locale=language)
    acts = db.session.scalars(select(Act)).all()
    milestones = db.session.scalars(select(Milestone)).all()
    meeting = db.session.scalars(select(Meeting)).one()
    states = [g for g in outcome.governments if g.kind == GovernmentKind.MEMBER_STATE]
    agencies = [g for g in outcome.governments if g.kind == GovernmentKind.UN_AGENCY]
    territories = Locale(language).territories
    pages = {
        "/acts": interface_text(client.get("/acts").text),
        "/dashboard": interface_text(client.get("/dashboard").text),
        f"/meetings/{meeting.slug}": interface_text(client.get(f"/meetings/{meeting.slug}").text),
        f"/outcomes/{outcome.id}": interface_text(client.get(f"/outcomes/{outcome.id}").text),
    }
    for url, text in pages.items():
        assert _english_left(text, acts, "title", language) == [], url
        assert _english_left(text, milestones, "title", language) == [], url
        assert _english_left(text, [meeting], "title", language) == [], url
    # The ACT list names each ACT and says what it is about in the reader's language.
    for act in acts:
        assert act.translations[language]["summary"] in pages["/acts"]
    # The dashboard's road to adoption, in the reader's language.
    assert all(m.translations[language]["title"] in pages["/dashboard"] for m in milestones)
    # The host country and the governments at the table: CLDR's names, by ISO code.
    assert f"Puerto Vallarta, {territories['MX']}" in pages[f"/meetings/{meeting.slug}"]
    assert "Puerto Vallarta, Mexico" not in pages[f"/meetings/{meeting.slug}"]
    outcome_page = pages[f"/outcomes/{outcome.id}"]
    assert len(states) >= 3
    for state in states:
        assert territories[state.iso_code] in outcome_page
        if territories[state.iso_code] != state.name:
            assert state.name not in outcome_page, state.name
    for agency in agencies:
        assert agency.translations[language]["name"] in outcome_page


def test_english_readers_read_the_english(client, login_as, outcome):
    login_as("coordinator", locale="en")
    act = db.session.scalars(select(Act).where(Act.number == 2)).one()
    assert act.title in client.get("/acts").text
    outcome_page = html.unescape(client.get(f"/outcomes/{outcome.id}").text)
    assert all(g.name in outcome_page for g in outcome.governments)


def test_country_names_are_never_typed_by_hand(demo):
    """Every member state has its ISO code; its name on pages is CLDR's."""
    states = db.session.scalars(
        select(Government).where(Government.kind == GovernmentKind.MEMBER_STATE)
    ).all()
    assert len(states) == 193
    assert all(state.iso_code and state.iso_code in Locale("fr").territories for state in states)
