"""Each drafts page runs the same number of SQL queries at 20 and at 300 paragraphs."""

from datetime import date

import pytest
from sqlalchemy import insert, select

from tests import factories
from tests.conftest import empty_tables
from tracker.core.extensions import db
from tracker.drafts import reflections, services
from tracker.records.drafts import DraftParagraph, Level, Reflection, reflection_paragraph
from tracker.records.reports import KeyMessage


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
        reflections.record_reflection(
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
        empty_tables()
    assert counts[0] == counts[1]


def _bulk_draft(paragraphs: int, messages: int) -> int:
    """A draft of `paragraphs` paragraphs on which `messages` key messages (every other one
    shared) are each reflected in two paragraphs, inserted in bulk; return the draft's id."""
    act = factories.ActFactory()
    draft = factories.DraftFactory()
    db.session.flush()
    paragraph_ids = factories.insert_rows(
        DraftParagraph,
        [
            {"draft_id": draft.id, "position": n, "ref": str(n), "text": f"Paragraph {n}."}
            for n in range(1, paragraphs + 1)
        ],
    )
    message_rows = [
        {"act_id": act.id, "rank": n, "text": f"Bulk key message {n}", "version": 1}
        for n in range(1, messages + 1)
    ]
    message_ids = factories.insert_rows(KeyMessage, message_rows)
    factories.publish_rows(
        KeyMessage, [{"shared": bool(n % 2)} for n in range(1, messages + 1)], message_ids
    )
    levels = ["weak", "partial", "strong"]
    reflection_ids = factories.insert_rows(
        Reflection,
        [
            {"key_message_id": m, "draft_id": draft.id, "level": levels[i % 3], "version": 1}
            for i, m in enumerate(message_ids)
        ],
    )
    db.session.execute(
        insert(reflection_paragraph),
        [
            {"reflection_id": r, "paragraph_id": paragraph_ids[(i + step) % paragraphs]}
            for i, r in enumerate(reflection_ids)
            for step in (0, 1)
        ],
    )
    db.session.commit()
    return draft.id


@pytest.mark.parametrize("role", ["member", "observer"])
def test_draft_page_queries_do_not_grow_with_reflections(client, login_as, count_queries, role):
    counts = []
    for paragraphs, messages in ((20, 10), (300, 1500)):
        draft_id = _bulk_draft(paragraphs, messages)
        login_as(role)
        url = f"/drafts/{draft_id}"
        with count_queries() as counter:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(counter.count)
        empty_tables()
    assert counts[0] == counts[1] <= 10, counts


def test_draft_page_counts_levels_and_links_the_first_reflections_of_each_paragraph(
    client, login_as
):
    draft_id = _bulk_draft(paragraphs=2, messages=20)  # every message on both paragraphs
    login_as("member")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    for label in ("Strong: 6", "Partial: 7", "Weak: 7"):
        assert html.count(label) == 2
    assert html.count(f"/reflections/{draft_id}") == 2 * 3
    assert html.count("and 17 more key messages") == 2


def test_draft_page_counts_and_links_only_what_an_observer_may_read(client, login_as):
    draft_id = _bulk_draft(paragraphs=2, messages=4)  # messages 1 and 3 are shared
    shared, hidden = db.session.scalars(
        select(KeyMessage.id).order_by(KeyMessage.id).where(KeyMessage.rank.in_((1, 2)))
    ).all()
    login_as("member")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert f"/messages/{hidden}/reflections/{draft_id}" in html
    login_as("observer")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert f"/messages/{shared}/reflections/{draft_id}" in html
    assert f"/messages/{hidden}/reflections/{draft_id}" not in html
    # Shared messages 1 (weak) and 3 (strong), each on both paragraphs; 2 and 4 hidden.
    assert html.count("Weak: 1") == 2
    assert html.count("Strong: 1") == 2
    assert "Partial:" not in html
    assert "more key message" not in html
