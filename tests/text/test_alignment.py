"""Aligning a new draft with the previous one, and carrying reflections forward."""

from datetime import date

from sqlalchemy import select

from tests import factories
from tracker.drafts import reflections, services
from tracker.records.drafts import Draft, Level, Reflection
from tracker.text.alignment import align
from tracker.text.diffing import word_diff
from tracker.text.splitting import split_text

OLD = """## Objective 13: Use migration detention only as a measure of last resort

21. We commit to ensure that any detention follows due process.

(a) Improve independent monitoring of migrant detention.

(b) Prioritise non-custodial alternatives to detention.

(c) Strive to end the practice of child detention where possible.

## Objective 15: Provide access to basic services for migrants

23. We commit that all migrants can exercise their human rights through access to basic services.

(a) Ensure that public service providers are not required to report migration status.

(b) Provide quality education to migrant children.
"""

# Renumbered (a paragraph added before), 21(c) reworded, 23(a) removed, a paragraph moved
# from Objective 15 to Objective 13, CRLF line endings.
NEW = """## Objective 13: Use migration detention only as a measure of last resort

22. We commit to ensure that any detention follows due process.

(a) Improve independent monitoring of migrant detention.

(b) Prioritise non-custodial alternatives to detention.

(c) Work to end the practice of child detention in the context of international migration.

(d) Provide quality education to migrant children.

## Objective 15: Provide access to basic services for migrants

24. We commit that all migrants can exercise their human rights through access to basic services.

(a) Establish community health services open to all migrants, including mental health care.
""".replace("\n", "\r\n")


def test_align_classifies_unchanged_changed_moved_new_and_deleted():
    old, new = split_text(OLD), split_text(NEW)
    result = align(old, new)
    got = {
        p.ref: (old[i].ref if i is not None else None, change)
        for p, i, change in zip(new, result.previous, result.change, strict=True)
    }
    assert got["22"] == ("21", "unchanged")  # renumbered, same text
    assert got["22(a)"] == ("21(a)", "unchanged")
    assert got["22(c)"] == ("21(c)", "changed")
    assert got["22(d)"] == ("23(b)", "moved")  # now under Objective 13
    assert got["24(a)"] == (None, "new")
    assert [old[i].ref for i in result.deleted] == ["23(a)"]
    assert result.counts()["deleted"] == 1


def test_identical_text_ignores_case_spacing_and_quotes():
    old = split_text("1. We  commit to “safe” return.")
    new = split_text('1. we commit to "safe"\nreturn.')
    assert align(old, new).change == ["unchanged"]


def test_word_diff_marks_inserted_and_deleted_words():
    diff = str(
        word_diff("Strive to end child detention where possible.", "Work to end child detention.")
    )
    assert "<del>Strive</del>" in diff
    assert "<ins>Work</ins>" in diff
    assert "where possible.</del>" in diff


def _reflect(message, draft, level, refs):
    paragraphs = [p for p in draft.paragraphs if p.ref in refs]
    return reflections.record_reflection(
        key_message=message, draft=draft, level=Level(level), paragraphs=paragraphs
    )


def test_adding_a_draft_carries_every_reflection_forward(db):
    messages = factories.KeyMessageFactory.create_batch(5)
    zero = services.add_draft(name="Zero draft", released_on=date(2018, 2, 5), text=OLD)
    _reflect(messages[0], zero, "strong", ["21(a)"])  # unchanged
    _reflect(messages[1], zero, "partial", ["21(c)"])  # reworded
    _reflect(messages[2], zero, "strong", ["23(a)"])  # removed
    _reflect(messages[3], zero, "absent", [])
    _reflect(messages[4], zero, "weak", ["23(b)", "21(c)"])  # moved + reworded

    final = services.add_draft(name="Final", released_on=date(2018, 7, 13), text=NEW)

    assert final.previous_id == zero.id
    carried = {
        r.key_message_id: r
        for r in db.session.scalars(select(Reflection).where(Reflection.draft_id == final.id))
    }
    assert len(carried) == 5
    unchanged, reworded, removed, absent, mixed = (carried[m.id] for m in messages)
    assert (unchanged.level, unchanged.state, [p.ref for p in unchanged.paragraphs]) == (
        "strong",
        "current",
        ["22(a)"],
    )
    assert (reworded.state, [p.ref for p in reworded.paragraphs]) == ("to_review", ["22(c)"])
    assert reworded.paragraphs[0].previous_paragraph.ref == "21(c)"
    assert (removed.level, removed.state, removed.paragraphs) == ("strong", "lost", [])
    assert (absent.level, absent.state) == ("absent", "current")
    assert mixed.state == "to_review"
    assert sorted(p.ref for p in mixed.paragraphs) == ["22(c)", "22(d)"]
    assert all(r.carried_from.draft_id == zero.id for r in carried.values())
    # The previous draft's reflections are untouched.
    assert (
        len(db.session.scalars(select(Reflection).where(Reflection.draft_id == zero.id)).all()) == 5
    )


def test_a_draft_released_between_two_follows_the_one_before(db):
    services.add_draft(name="Zero", released_on=date(2018, 2, 5), text=OLD)
    final = services.add_draft(name="Final", released_on=date(2018, 7, 13), text=NEW)
    rev = services.add_draft(name="Rev 1", released_on=date(2018, 3, 26), text=OLD)
    assert rev.previous.name == "Zero"
    assert all(p.change == "unchanged" for p in rev.paragraphs)
    # The final text now follows Rev 1 (see tests/drafts/test_realignment.py).
    assert final.previous.name == "Rev 1"
    names = [d.name for d in db.session.scalars(services.drafts_in_order())]
    assert names == ["Zero", "Rev 1", "Final"]
    latest = services.latest_drafts(date(2018, 7, 13))
    assert [d.name for d in db.session.scalars(latest)] == ["Final", "Rev 1"]
    # On 20 March 2018 neither Rev 1 nor the final text is out yet.
    latest = services.latest_drafts(date(2018, 3, 20))
    assert [d.name for d in db.session.scalars(latest)] == ["Zero"]


def test_reflections_for_and_level_counts(db):
    message, other = factories.KeyMessageFactory.create_batch(2)
    zero = services.add_draft(name="Zero", released_on=date(2018, 2, 5), text=OLD)
    _reflect(message, zero, "strong", ["21(a)"])
    _reflect(other, zero, "absent", [])
    final = services.add_draft(name="Final", released_on=date(2018, 7, 13), text=NEW)
    grid = reflections.reflections_for([message.id, other.id], [zero.id, final.id])
    assert set(grid) == {(m.id, d.id) for m in (message, other) for d in (zero, final)}
    assert grid[(message.id, final.id)].paragraphs[0].ref == "22(a)"
    counts = reflections.level_counts([zero.id, final.id])
    assert counts[zero.id] == {Level.ABSENT: 1, Level.WEAK: 0, Level.PARTIAL: 0, Level.STRONG: 1}
    assert db.session.scalar(select(Draft.id).where(Draft.name == "Final")) == final.id


# Objective 13 as the zero draft and the first revision word it (shortened): 13(b) is
# rewritten heavily and a new 13(c) is inserted right after it.
ZERO_13 = """## Objective 13: Use immigration detention only as a measure of last resort

29. We commit to ensure that any detention in the context of international migration follows due process, is non-arbitrary, is based on law, necessity, proportionality and individual assessment, and is for the shortest possible period of time.

(a) Use existing relevant human rights mechanisms to improve independent monitoring of migrant detention, ensuring that it is a measure of last resort.

(b) Consolidate a repository to disseminate best practices of human rights-based alternatives to detention in the context of international migration, including by facilitating regular exchanges and the development of initiatives based on successful practices.

(c) Review and revise relevant legislation, policies and practices related to immigration detention to ensure that migrants are not detained arbitrarily.

(d) Protect and respect the rights and best interests of the child at all times, by working to end the practice of child detention in the context of international migration.
"""

REV_13 = """## Objective 13: Use migration detention only as a measure of last resort and work towards alternatives

29. We commit to ensure that any detention in the context of international migration follows due process, is non-arbitrary, is based on law, necessity, proportionality and individual assessment, and is for the shortest possible period of time.

(a) Use existing relevant human rights mechanisms to improve independent monitoring of migrant detention, ensuring that it is a measure of last resort.

(b) Establish a repository of good practices on non-custodial alternatives to detention, and promote regular exchanges between States on the initiatives that succeeded.

(c) Provide access to justice for all migrants in countries of transit and destination that are or may be subject to detention, including by facilitating access to free legal advice.

(d) Review and revise relevant legislation, policies and practices related to immigration detention to ensure that migrants are not detained arbitrarily.

(e) Protect and respect the rights and best interests of the child at all times, by working to end the practice of child detention in the context of international migration.
"""


def test_a_heavily_reworded_paragraph_is_changed_not_new_beside_an_insertion():
    old, new = split_text(ZERO_13), split_text(REV_13)
    result = align(old, new)
    got = {
        p.ref: (old[i].ref if i is not None else None, change)
        for p, i, change in zip(new, result.previous, result.change, strict=True)
    }
    assert got["29(b)"] == ("29(b)", "changed")  # shown as "Changed, was 29(b)"
    assert got["29(c)"] == (None, "new")
    assert got["29(d)"] == ("29(c)", "unchanged")
    assert got["29(e)"] == ("29(d)", "unchanged")
    assert result.deleted == []
