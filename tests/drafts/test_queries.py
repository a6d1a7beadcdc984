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


def _first_paragraph(draft_id: int) -> int:
    return db.session.scalar(
        select(DraftParagraph.id)
        .where(DraftParagraph.draft_id == draft_id)
        .order_by(DraftParagraph.position)
    )


@pytest.mark.parametrize("role", ["member", "observer"])
def test_draft_and_paragraph_pages_queries_do_not_grow_with_reflections(
    client, login_as, count_queries, role
):
    counts = []
    for paragraphs, messages in ((20, 10), (300, 1500)):
        draft_id = _bulk_draft(paragraphs, messages)
        paragraph_id = _first_paragraph(draft_id)
        login_as(role)
        sizes = []
        for url in (
            f"/drafts/{draft_id}",
            f"/drafts/{draft_id}?page=2",
            f"/drafts/{draft_id}/paragraphs/{paragraph_id}",
            f"/drafts/{draft_id}/paragraphs/{paragraph_id}?page=2",
        ):
            with count_queries() as counter:
                response = client.get(url)
            assert response.status_code == 200, url
            sizes.append(counter.count)
        counts.append(sizes)
        empty_tables()
    assert counts[0] == counts[1], counts
    assert max(counts[0]) <= 10, counts


def test_a_long_draft_with_many_reflections_stays_a_light_page(client, login_as):
    draft_id = _bulk_draft(paragraphs=300, messages=3000)
    login_as("member")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert len(html.encode()) < 60 * 1024
    assert 'id="p-100"' not in html  # the draft's first hundred positions: 1 to 99
    assert "Part 1 of 4 of the text (300 paragraphs in all)." in html
    second = client.get(f"/drafts/{draft_id}?page=2").get_data(as_text=True)
    assert 'id="p-100"' in second
    assert 'id="p-199"' in second
    assert 'id="p-200"' not in second


def test_draft_page_counts_levels_and_links_each_paragraphs_reflections(client, login_as):
    draft_id = _bulk_draft(paragraphs=2, messages=20)  # every message on both paragraphs
    paragraph_id = _first_paragraph(draft_id)
    login_as("member")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    assert html.count("20 key messages reflected") == 2
    for label in ("Strong: 6", "Partial: 7", "Weak: 7"):
        assert html.count(label) == 2
    # The reflections themselves are on each paragraph's page, linked from the draft page.
    assert f"/reflections/{draft_id}" not in html
    assert f'href="/drafts/{draft_id}/paragraphs/{paragraph_id}"' in html
    listed = client.get(f"/drafts/{draft_id}/paragraphs/{paragraph_id}").get_data(as_text=True)
    assert "20 key messages reflected in this paragraph" in listed
    assert listed.count(f"/reflections/{draft_id}") == 20
    assert "Bulk key message 1<" in listed


def test_a_paragraphs_page_lists_its_reflections_fifty_at_a_time(client, login_as):
    draft_id = _bulk_draft(paragraphs=2, messages=60)
    paragraph_id = _first_paragraph(draft_id)
    login_as("member")
    url = f"/drafts/{draft_id}/paragraphs/{paragraph_id}"
    first = client.get(url).get_data(as_text=True)
    assert first.count(f"/reflections/{draft_id}") == 50
    assert "Page 1 of 2" in first
    second = client.get(f"{url}?page=2").get_data(as_text=True)
    assert second.count(f"/reflections/{draft_id}") == 10


def test_a_paragraph_is_only_found_in_its_own_draft(client, login_as):
    draft_id = _bulk_draft(paragraphs=2, messages=1)
    other = factories.DraftFactory()
    db.session.commit()
    login_as("member")
    paragraph_id = _first_paragraph(draft_id)
    assert client.get(f"/drafts/{other.id}/paragraphs/{paragraph_id}").status_code == 404
    assert client.get(f"/drafts/{draft_id}/paragraphs/{paragraph_id + 1000}").status_code == 404


def test_draft_page_counts_and_links_only_what_an_observer_may_read(client, login_as):
    draft_id = _bulk_draft(paragraphs=2, messages=4)  # messages 1 and 3 are shared
    paragraph_id = _first_paragraph(draft_id)
    shared, hidden = db.session.scalars(
        select(KeyMessage.id).order_by(KeyMessage.id).where(KeyMessage.rank.in_((1, 2)))
    ).all()
    url = f"/drafts/{draft_id}/paragraphs/{paragraph_id}"
    login_as("member")
    assert f"/messages/{hidden}/reflections/{draft_id}" in client.get(url).get_data(as_text=True)
    login_as("observer")
    html = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    # Shared messages 1 (weak) and 3 (strong), each on both paragraphs; 2 and 4 hidden.
    assert html.count("2 key messages reflected") == 2
    assert html.count("Weak: 1") == 2
    assert html.count("Strong: 1") == 2
    assert "Partial:" not in html
    listed = client.get(url).get_data(as_text=True)
    assert f"/messages/{shared}/reflections/{draft_id}" in listed
    assert f"/messages/{hidden}/reflections/{draft_id}" not in listed
    assert "Bulk key message 2<" not in listed


def test_the_changes_page_goes_by_fifty_positions_and_counts_the_whole_draft(client, login_as):
    zero = services.add_draft(name="Zero", released_on=date(2018, 2, 5), text=_text(120))
    final = services.add_draft(
        name="Final", released_on=date(2018, 7, 13), text=_text(120, changed=True)
    )
    db.session.commit()
    assert final.previous_id == zero.id
    login_as("member")
    first = client.get(f"/drafts/{final.id}/changes").get_data(as_text=True)
    changed = sum(1 for p in final.paragraphs if p.change == "changed")
    assert changed > 0
    assert f"<strong>{changed}</strong> changed" in first
    assert "Part 1 of 3 of the text." in first
    third = client.get(f"/drafts/{final.id}/changes?page=3").get_data(as_text=True)
    assert f"<strong>{changed}</strong> changed" in third
    refs = {p.ref: p for p in final.paragraphs}
    late = refs["120"]
    assert late.position >= 100
    assert f'href="/drafts/{final.id}#{late.anchor}"' not in first
    # Each changed paragraph links to its place in the draft, on the draft page that shows it.
    assert f'href="/drafts/{final.id}?page=2#{late.anchor}"' in third


def test_the_draft_page_jumps_to_each_objective_on_the_page_that_shows_it(client, login_as):
    draft = services.add_draft(name="Zero", released_on=date(2018, 2, 5), text=_text(200))
    db.session.commit()
    headings = {p.text: p for p in draft.paragraphs if p.heading_level}
    late = headings["Objective 16: Heading number 151"]
    assert late.position >= 100
    login_as("observer")
    html = client.get(f"/drafts/{draft.id}").get_data(as_text=True)
    menu = html.split('class="mb-3 jump-menu"', 1)[1].split("</details>", 1)[0]
    assert menu.count("<li>") == 20
    assert f'<a href="/drafts/{draft.id}#p-objective-1">Objective 1: Heading number 1</a>' in menu
    assert (
        f'<a href="/drafts/{draft.id}?page=2#{late.anchor}">Objective 16: Heading number 151</a>'
        in menu
    )
    second = client.get(f"/drafts/{draft.id}?page=2").get_data(as_text=True)
    assert f'id="{late.anchor}"' in second
