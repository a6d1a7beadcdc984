"""Each drafts page runs the same number of SQL queries at 20 and at 300 paragraphs."""

from datetime import date

import pytest

from tests import factories
from tracker.drafts import services
from tracker.drafts.models import Level


def _text(paragraphs: int, changed: bool = False) -> str:
    lines = []
    for n in range(1, paragraphs + 1):
        if n % 10 == 1:
            lines.append(f"## Objective {n // 10 + 1}: Heading number {n}")
        word = "reworded" if changed and n % 3 == 0 else "original"
        lines.append(f"{n}. Paragraph {n} on child detention and {word} services for migrants.")
    return "\n\n".join(lines)


def _world(size: int):
    zero = services.add_draft(name="Zero", released_on=date(2018, 2, 5), text=_text(size))
    messages = factories.KeyMessageFactory.create_batch(size // 10, visibility="shared")
    body = [p for p in zero.paragraphs if not p.heading_level]
    for i, message in enumerate(messages):
        services.record_reflection(
            key_message=message, draft=zero, level=Level.PARTIAL, paragraphs=body[i : i + 2]
        )
    final = services.add_draft(
        name="Final", released_on=date(2018, 7, 13), text=_text(size, changed=True)
    )
    return final, messages[0]


@pytest.mark.parametrize("role", ["member", "observer"])
def test_pages_run_a_fixed_number_of_queries(client, login_as, db, count_queries, role):
    counts = []
    for size in (20, 300):
        final, message = _world(size)
        login_as(role)
        urls = [
            "/drafts",
            f"/drafts/{final.id}",
            f"/drafts/{final.id}/changes",
            f"/drafts/{final.previous_id}/changes",
            f"/messages/{message.id}/reflections/{final.id}",
        ]
        sizes = []
        for url in urls:
            with count_queries() as counter:
                response = client.get(url)
            assert response.status_code == 200, url
            sizes.append(counter.count)
        counts.append(sizes)
        from tests.conftest import empty_tables

        empty_tables()
    assert counts[0] == counts[1]
