"""The search page runs the same number of SQL queries whatever the amount of data: one
statement ranks every match in the index, then one query a source reads the page."""

import pytest

from tests import factories
from tests.conftest import empty_tables
from tracker.search.sources import SOURCES

# Loading the signed-in user, then the ACTs of the filter form.
PAGE_BASICS = 2
RANKING = 1


def queries(counter) -> int:
    """Statements run, without the transaction's BEGIN (which only SQLite's driver shows)."""
    return sum(statement.strip().upper() != "BEGIN" for statement in counter.statements)


def _world(size: int) -> None:
    """`size` matching records of every kind, half of them civil-society only."""
    acts = [factories.ActFactory(number=n) for n in (1, 2)]
    draft = factories.DraftFactory()
    governments = factories.GovernmentFactory.create_batch(3)
    for n in range(size):
        act = acts[n % 2]
        visibility = "shared" if n % 2 else "civil_society"
        factories.NoteFactory(act=act, body=f"Detention note {n}.", visibility=visibility)
        report = factories.ReportFactory(
            act=act, summary=f"Detention report {n}.", visibility=visibility
        )
        factories.ReportPriorityFactory(report=report, text="End child detention.")
        factories.ReportPriorityFactory(report=report, text="Alternatives.")
        factories.KeyMessageFactory(report=report, text=f"No detention {n}.", visibility=visibility)
        factories.TableOutcomeFactory(
            act=act,
            summary=f"{governments[0].name} spoke on detention.",
            chatham_house=bool(n % 3),
            governments=governments,
            visibility=visibility,
        )
        factories.DraftParagraphFactory(draft=draft, text=f"Detention paragraph {n}.")


@pytest.mark.parametrize("role", ["member", "observer"])
@pytest.mark.parametrize(
    ("params", "sources"),
    [
        ({"q": "child detention"}, len(SOURCES)),
        ({"q": "detention", "page": "2"}, len(SOURCES)),
        ({"q": "detention", "act": "2"}, len([s for s in SOURCES if s.act_key])),
        ({"q": "detention", "type": "outcomes"}, 1),
        ({"q": ""}, 0),
    ],
)
def test_search_runs_one_ranking_query_then_one_per_source(
    client, login_as, count_queries, role, params, sources
):
    counts = []
    for size in (4, 60):
        _world(size)
        login_as(role)
        with count_queries() as counter:
            response = client.get("/search", query_string=params)
        assert response.status_code == 200
        counts.append(queries(counter))
        empty_tables()
    searched = RANKING + sources if sources else 0
    assert counts == [PAGE_BASICS + searched] * 2
