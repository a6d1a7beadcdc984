"""The carry-through matrix: key messages by drafts, each cell at its reflection's level."""

from datetime import date
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from tests import factories
from tests.conftest import empty_tables
from tracker.core.extensions import db
from tracker.records.drafts import Draft, Reflection
from tracker.records.reports import KeyMessage


class Grid(HTMLParser):
    """The matrix table as a browser reads it: per section, rows of (class, text) cells."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.sections: dict[str, list[list[tuple[str, str]]]] = {
            "thead": [],
            "tbody": [],
            "tfoot": [],
        }
        self.section = ""
        self.cell: list[str] | None = None
        self.hidden = False
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag in self.sections:
            self.section = tag
        elif tag == "tr" and self.section:
            self.sections[self.section].append([])
        elif tag in ("th", "td") and self.section:
            self.cell = [attributes.get("class") or "", ""]
        elif tag == "span" and "visually-hidden" in (attributes.get("class") or ""):
            self.hidden = True
        elif tag == "br" and self.cell is not None:
            self.cell[1] += " "

    def handle_endtag(self, tag) -> None:
        if tag in ("th", "td") and self.cell is not None:
            self.sections[self.section][-1].append((self.cell[0], " ".join(self.cell[1].split())))
            self.cell = None
        elif tag == "span":
            self.hidden = False
        elif tag in self.sections:
            self.section = ""

    def handle_data(self, data) -> None:
        if self.cell is not None and not self.hidden:
            self.cell[1] += data

    def rows(self) -> dict[str, list[str]]:
        """{row heading: [level class of each draft's cell]} for the key messages."""
        return {
            row[0][1]: [_level(css) for css, _text in row[1:]]
            for row in self.sections["tbody"]
            if len(row) > 1
        }

    def groups(self) -> list[str]:
        return [row[0][1] for row in self.sections["tbody"] if len(row) == 1]

    def footer(self) -> dict[str, list[int]]:
        return {row[0][1]: [int(text) for _css, text in row[1:]] for row in self.sections["tfoot"]}

    def columns(self) -> list[str]:
        return [text for _css, text in self.sections["thead"][0][1:]]


def _level(css: str) -> str:
    return next(c.removeprefix("level-") for c in css.split() if c.startswith("level-"))


@pytest.fixture
def world():
    protection = factories.ActFactory(number=3, title="Protection")
    work = factories.ActFactory(number=5, title="Decent work")
    report = factories.ReportFactory(act=protection, visibility="shared", status="accepted")
    other_report = factories.ReportFactory(act=work, visibility="shared", status="accepted")

    def message(text, visibility="shared", rank=1, on=report):
        return factories.KeyMessageFactory(
            report=on, act=on.act, visibility=visibility, rank=rank, text=text
        )

    first = message("End child detention", rank=1)
    second = message("Firewalls between services and enforcement", rank=2)
    hidden = message("An ask kept inside", visibility="civil_society", rank=3)
    merged = message("A duplicate ask", rank=4)
    merged.merged_into = first
    decent = message("Decent work for all migrants", on=other_report)
    # Created out of order: the columns follow the release dates.
    final = factories.DraftFactory(name="Final text", released_on=date(2018, 7, 13))
    zero = factories.DraftFactory(name="Zero draft", released_on=date(2018, 2, 5))
    for key_message, draft, level, state in [
        (first, zero, "weak", "current"),
        (first, final, "strong", "current"),
        (second, zero, "absent", "current"),
        (second, final, "partial", "to_review"),
        (hidden, zero, "strong", "current"),
        (hidden, final, "strong", "current"),
        (decent, final, "weak", "current"),
    ]:
        factories.ReflectionFactory(key_message=key_message, draft=draft, level=level, state=state)
    db.session.commit()
    return {"first": first, "second": second, "hidden": hidden, "zero": zero, "final": final}


def _grid(client, query: str = "") -> Grid:
    response = client.get(f"/drafts/matrix{query}")
    assert response.status_code == 200
    return Grid(response.get_data(as_text=True))


def test_each_cell_shows_the_level_of_its_draft(client, login_as, world):
    login_as("member")
    response = client.get("/drafts/matrix")
    html = response.get_data(as_text=True)
    grid = Grid(html)
    # The workspace's today is 20 March 2018: the final text is not out yet.
    assert grid.columns() == ["Zero draft Feb 5, 2018", "Final text Jul 13, 2018 Not yet released"]
    assert grid.groups() == ["ACT 3: Protection", "ACT 5: Decent work"]
    assert grid.rows() == {
        "End child detention": ["weak", "strong"],
        "Firewalls between services and enforcement": ["absent", "partial"],
        "An ask kept inside": ["strong", "strong"],
        "Decent work for all migrants": ["none", "weak"],
    }
    texts = [text for row in grid.sections["tbody"] for _css, text in row[1:]]
    assert texts[:4] == ["Weak", "Strong", "Absent", "Partial To review"]
    assert "Not assessed" in texts
    # Each cell opens the evidence of that message in that draft.
    first, zero = world["first"], world["zero"]
    assert f'href="/messages/{first.id}/reflections/{zero.id}"' in html
    assert "<caption>" in html
    assert 'scope="row"' in html
    assert "style=" not in html.split('<main id="main"')[1]


def test_footer_counts_messages_per_level_in_each_draft(client, login_as, world):
    login_as("member")
    assert _grid(client).footer() == {
        "Strong: key messages": [1, 2],
        "Partial: key messages": [0, 1],
        "Weak: key messages": [1, 1],
        "Absent: key messages": [1, 0],
        "Lost: key messages": [0, 0],
        "Not assessed: key messages": [1, 0],
    }


def test_a_lost_reflection_is_shown_lost_and_counted_apart(client, login_as, world):
    """Its paragraph deleted, a reflection recorded Strong no longer counts as Strong."""
    decent = db.session.scalar(
        select(KeyMessage).where(KeyMessage.text == "Decent work for all migrants")
    )
    factories.ReflectionFactory(
        key_message=decent, draft=world["zero"], level="strong", state="lost"
    )
    db.session.commit()
    login_as("member")
    grid = _grid(client)
    assert grid.rows()["Decent work for all migrants"] == ["lost", "weak"]
    texts = {row[0][1]: [text for _css, text in row[1:]] for row in grid.sections["tbody"]}
    assert texts["Decent work for all migrants"][0] == "Lost paragraph deleted; was strong"
    footer = grid.footer()
    assert footer["Strong: key messages"] == [1, 2]
    assert footer["Lost: key messages"] == [1, 0]
    assert footer["Not assessed: key messages"] == [0, 0]
    # Every message is counted once in each draft's column.
    for column in range(2):
        assert sum(counts[column] for counts in footer.values()) == 4


def test_act_filter_keeps_one_act_rows_and_counts(client, login_as, world):
    login_as("member")
    grid = _grid(client, "?act=5")
    assert grid.groups() == ["ACT 5: Decent work"]
    assert list(grid.rows()) == ["Decent work for all migrants"]
    footer = grid.footer()
    assert footer["Weak: key messages"] == [0, 1]
    assert footer["Not assessed: key messages"] == [1, 0]
    assert client.get("/drafts/matrix?act=99").status_code == 404
    assert len(_grid(client, "?act=nonsense").rows()) == 4  # not a number: every ACT


def test_observer_never_sees_a_civil_society_message_or_its_reflections(client, login_as, world):
    login_as("member")
    assert "An ask kept inside" in client.get("/drafts/matrix").get_data(as_text=True)

    login_as("observer")
    html = client.get("/drafts/matrix").get_data(as_text=True)
    assert "An ask kept inside" not in html
    assert f"/messages/{world['hidden'].id}/" not in html
    grid = Grid(html)
    assert list(grid.rows()) == [
        "End child detention",
        "Firewalls between services and enforcement",
        "Decent work for all migrants",
    ]
    # The hidden message's two strong reflections are not counted either.
    assert grid.footer() == {
        "Strong: key messages": [0, 1],
        "Partial: key messages": [0, 1],
        "Weak: key messages": [1, 1],
        "Absent: key messages": [1, 0],
        "Lost: key messages": [0, 0],
        "Not assessed: key messages": [1, 0],
    }


def test_rows_are_paginated_and_counts_cover_every_page(client, login_as):
    act = factories.ActFactory(number=2, title="Children")
    report = factories.ReportFactory(act=act)
    draft = factories.DraftFactory(name="Zero draft")
    for rank in range(1, 31):
        message = factories.KeyMessageFactory(
            report=report, act=act, rank=rank, text=f"Ask number {rank:02d}"
        )
        factories.ReflectionFactory(key_message=message, draft=draft, level="strong")
    login_as("member")
    first_page, second_page = _grid(client), _grid(client, "?page=2")
    assert next(iter(first_page.rows())) == "Ask number 01"
    assert len(first_page.rows()) == 25
    assert list(second_page.rows()) == [f"Ask number {n}" for n in range(26, 31)]
    assert first_page.footer()["Strong: key messages"] == [30]
    assert second_page.footer()["Strong: key messages"] == [30]


def test_drafts_index_and_act_page_link_to_the_matrix(client, login_as, world):
    login_as("observer")
    assert 'href="/drafts/matrix"' in client.get("/drafts").get_data(as_text=True)
    assert 'href="/drafts/matrix?act=3"' in client.get("/acts/3").get_data(as_text=True)


def _without_shared(row: dict) -> dict:
    return {key: value for key, value in row.items() if key != "shared"}


def _bulk_matrix(acts: int, messages_per_act: int, drafts: int) -> None:
    """`acts` ACTs of key messages (every other one shared), each reflected in every one of
    `drafts` drafts, inserted in bulk."""
    message_rows = []
    for number in range(1, acts + 1):
        act = factories.ActFactory(number=number)
        db.session.flush()
        message_rows += [
            {
                "act_id": act.id,
                "rank": rank,
                "text": f"ACT {number} ask {rank}",
                "shared": bool(rank % 2),
                "version": 1,
            }
            for rank in range(1, messages_per_act + 1)
        ]
    message_ids = factories.insert_rows(KeyMessage, [_without_shared(row) for row in message_rows])
    factories.publish_rows(KeyMessage, message_rows, message_ids)
    draft_ids = factories.insert_rows(
        Draft,
        [
            {"name": f"Rev {n}", "released_on": date(2018, 2, n + 1), "source_text": "1. Text."}
            for n in range(drafts)
        ],
    )
    levels = ["absent", "weak", "partial", "strong"]
    factories.insert_rows(
        Reflection,
        [
            {"key_message_id": m, "draft_id": d, "level": levels[(m + d) % 4], "version": 1}
            for m in message_ids
            for d in draft_ids
        ],
    )
    db.session.commit()


@pytest.mark.parametrize("role", ["member", "observer"])
def test_matrix_runs_a_fixed_number_of_queries(client, login_as, count_queries, role):
    counts = []
    for acts, per_act, drafts in ((1, 3, 2), (4, 150, 6)):  # large: 3,600 reflections
        _bulk_matrix(acts, per_act, drafts)
        login_as(role)
        sizes = []
        for query in ("", f"?act={acts}", "?page=2"):
            with count_queries() as counter:
                response = client.get(f"/drafts/matrix{query}")
            assert response.status_code == 200, query
            sizes.append(counter.count)
        counts.append(sizes)
        empty_tables()
    assert counts[0] == counts[1], counts
    assert max(counts[1]) <= 10
