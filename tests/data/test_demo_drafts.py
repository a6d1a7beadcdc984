"""The demo drafts: the zero draft and the final text, with reflections carried forward."""

from sqlalchemy import func, select

from tracker.data.demo.drafts import load_drafts
from tracker.records.acts import Act
from tracker.records.drafts import Draft, DraftParagraph, Reflection
from tracker.records.reports import KeyMessage


def _reflection(db, act: int, rank: int, draft: str) -> Reflection:
    return db.session.scalar(
        select(Reflection)
        .join(KeyMessage, Reflection.key_message_id == KeyMessage.id)
        .join(Act, KeyMessage.act_id == Act.id)
        .join(Draft, Reflection.draft_id == Draft.id)
        .where(Act.number == act, KeyMessage.rank == rank, Draft.name == draft)
    )


def test_demo_drafts_carry_reflections_forward_and_load_twice_the_same(demo, db, client, login_as):
    zero, final = load_drafts()
    assert (zero.name, final.name, final.previous_id) == ("Zero draft", "Final text", zero.id)
    assert final.milestone is not None
    assert zero.milestone is not None
    counts = {}
    for draft in (zero, final):
        counts[draft.name] = db.session.scalar(
            select(func.count(Reflection.id)).where(Reflection.draft_id == draft.id)
        )
    assert counts["Zero draft"] == counts["Final text"] >= 14

    # Unchanged paragraph: carried as it was.
    assert (
        _reflection(db, 4, 1, "Final text").state,
        _reflection(db, 4, 1, "Final text").level,
    ) == ("current", "strong")
    # Its paragraph was removed: lost.
    assert _reflection(db, 4, 2, "Final text").state == "lost"
    # Reworded and not reviewed in the demo: to review.
    assert _reflection(db, 2, 2, "Final text").state == "to_review"
    # Reviewed on the final text.
    detention = _reflection(db, 3, 1, "Final text")
    assert (detention.level, detention.state) == ("strong", "current")
    assert [p.ref for p in detention.paragraphs] == ["22(c)"]
    assert _reflection(db, 3, 1, "Zero draft").level == "partial"

    load_drafts()
    assert db.session.scalar(select(func.count(Draft.id))) == 2
    assert db.session.scalar(select(func.count(Reflection.id))) == sum(counts.values())
    assert (
        db.session.scalar(
            select(func.count(DraftParagraph.id)).where(DraftParagraph.change == "changed")
        )
        > 0
    )

    login_as("member")
    page = client.get(f"/drafts/{final.id}/changes").get_data(as_text=True)
    assert "Ensure that labour inspection is separate from immigration enforcement" in page


def test_demo_drafts_load_without_the_meeting_record(db):
    zero, final = load_drafts()
    assert final.previous_id == zero.id
    assert db.session.scalar(select(func.count(Reflection.id))) == 0
