"""The drafts in a row: a draft added between two others, archived, or restored; the later
drafts follow the one now before them, as if the row had always been so (demo texts)."""

from datetime import date

from sqlalchemy import select

from tracker.core.extensions import db as _db
from tracker.data.demo.drafts import load_drafts
from tracker.data.files import read_text
from tracker.drafts import services
from tracker.records import archiving
from tracker.records.accounts import User
from tracker.records.drafts import Draft, DraftParagraph, Reflection


def _rev_one() -> str:
    """The zero draft as a first revision would change it: the child-detention paragraph
    reworded, the labour-inspection one dropped, a new paragraph on firewalls."""
    text = read_text("tracker.data.demo", "drafts/zero-draft.md")
    reworded = text.replace(
        "strive to end the practice of child detention where possible",
        "work to end the practice of child detention in the context of international migration",
    )
    dropped = reworded.replace(
        "(c) Ensure that labour inspection is separate from immigration enforcement, so that "
        "workers can report abuse without fear.\n",
        "",
    )
    assert dropped != reworded != text
    return dropped.replace(
        "### Objective 16:",
        "(d) Ensure that service providers are not required to share migrants' status with "
        "immigration authorities.\n\n### Objective 16:",
    )


def _alignment(draft: Draft) -> list[tuple]:
    paragraphs = _db.session.scalars(
        select(DraftParagraph)
        .where(DraftParagraph.draft_id == draft.id)
        .order_by(DraftParagraph.position)
    )
    return [(p.position, p.change, p.previous_paragraph_id) for p in paragraphs]


def _reflections(draft: Draft) -> dict[int, tuple]:
    rows = _db.session.scalars(select(Reflection).where(Reflection.draft_id == draft.id))
    return {
        r.key_message_id: (
            r.level,
            r.state,
            r.excerpt,
            r.recorded_at,
            r.carried_from.draft_id if r.carried_from else None,
            [p.position for p in r.paragraphs],
        )
        for r in rows
    }


def _coordinator() -> User:
    return _db.session.scalar(select(User).where(User.role == "coordinator"))


def test_a_draft_added_between_two_others_is_followed_by_the_later_one(demo, db):
    zero, final = load_drafts()
    before = _reflections(final)
    rev = services.add_draft(name="Rev 1", released_on=date(2018, 3, 5), text=_rev_one())

    assert (rev.previous_id, final.previous_id) == (zero.id, rev.id)
    after = _reflections(final)
    assert set(after) == set(before)
    # What was only carried onto the final text now comes from Rev 1...
    carried = [m for m, r in before.items() if r[4] == zero.id and r[3] == _recorded_at(zero, m)]
    assert carried
    assert all(after[m][4] == rev.id for m in carried)
    # ...and what was recorded on the final text itself is kept as it was.
    recorded = set(before) - set(carried)
    assert recorded
    assert all(after[m][:4] == before[m][:4] for m in recorded)
    assert all(after[m][4] == rev.id for m in recorded)
    # The reworded child-detention paragraph: to review on Rev 1.
    assert "to_review" in {r[1] for r in _reflections(rev).values()}


def _recorded_at(draft: Draft, message_id: int):
    return _db.session.scalar(
        select(Reflection.recorded_at).where(
            Reflection.draft_id == draft.id, Reflection.key_message_id == message_id
        )
    )


def test_archiving_the_draft_between_carries_as_if_it_had_never_been_added(demo, db):
    zero, final = load_drafts()
    alignment, reflections = _alignment(final), _reflections(final)
    rev = services.add_draft(name="Rev 1", released_on=date(2018, 3, 5), text=_rev_one())
    assert _alignment(final) != alignment

    archiving.archive(rev, _coordinator(), "Added by mistake: it was a leaked version.")
    _db.session.commit()
    _db.session.expire_all()

    assert final.previous_id == zero.id
    assert _alignment(final) == alignment
    assert _reflections(final) == reflections
    assert [d.name for d in _db.session.scalars(services.drafts_in_order())] == [
        "Zero draft",
        "Final text",
    ]

    archiving.restore(rev, _coordinator())
    _db.session.commit()
    _db.session.expire_all()
    assert final.previous_id == rev.id
    assert {r[4] for r in _reflections(final).values()} == {rev.id}


def test_archiving_the_first_draft_leaves_the_next_one_first(demo, db):
    zero, final = load_drafts()
    archiving.archive(zero, _coordinator(), "Wrong file")
    _db.session.commit()
    _db.session.expire_all()
    assert final.previous_id is None
    assert {p.change for p in final.paragraphs} == {"new"}
    states = {
        (r.state, r.carried_from_id)
        for r in _db.session.scalars(select(Reflection).where(Reflection.draft_id == final.id))
    }
    # Only the reflections recorded on the final text remain, none carried from anything.
    assert states
    assert {carried for _state, carried in states} == {None}
