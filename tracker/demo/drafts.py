"""Demo drafts of the Compact (illustrative texts) and how the demo key messages are
reflected in them.

The zero draft is added first and the demo key messages' reflections recorded on it; the
final text is then added through the same service as the "Add a draft" page, so the
reflections are carried forward (unchanged, to review, lost) exactly as in the app, and a
few are then reviewed on the final text. Drafts are found by name, reflections by (key
message, draft): loading twice changes nothing. Key messages are found by ACT number and
rank; when the meeting record is not loaded, drafts are added without reflections.
"""

from datetime import date
from pathlib import Path

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.drafts import reflections as reflecting
from tracker.drafts import services
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft, DraftParagraph, Level, Reflection
from tracker.records.reports import KeyMessage

TEXTS = Path(__file__).parent / "drafts"

DRAFTS = [
    ("Zero draft", date(2018, 2, 5), "zero-draft", "zero-draft.md"),
    ("Final text", date(2018, 7, 13), "negotiation-round-6", "final-text.md"),
]

# (ACT number, key message rank) -> (level, paragraph refs, note)
ZERO_DRAFT_REFLECTIONS = {
    (2, 1): ("partial", ["13(a)"], "Labour mobility agreements, but no word on all skill levels."),
    (2, 2): ("weak", ["13(b)"], "Family reunification named, without any standard."),
    (2, 3): ("weak", ["10(b)"], "Only joint analysis of climate effects; no admission or stay."),
    (3, 1): ("partial", ["21(c)"], "'Strive to end ... where possible' is a loophole."),
    (3, 2): ("partial", ["19(b)", "20"], "Individual assessment named; non-refoulement is not."),
    (3, 3): ("strong", ["16(a)", "16(b)"], ""),
    (3, 4): ("strong", ["15(b)"], ""),
    (4, 1): ("strong", ["14(a)"], ""),
    (4, 2): ("strong", ["14(c)"], "Our wording, almost word for word."),
    (4, 3): ("partial", ["14(b)"], "Changing employer, but nothing on trade unions."),
    (4, 4): ("absent", [], "No mention of the ILO conventions."),
    (5, 1): ("strong", ["23(b)"], "A real firewall: no duty to report status."),
    (5, 2): ("absent", [], ""),
    (5, 3): ("partial", ["23(a)"], "Emergency and maternal care; mental health is missing."),
}

# Reviewed on the final text, after the carry-forward.
FINAL_TEXT_REVIEWS = {
    (3, 1): ("strong", ["22(c)"], "Now 'work to end the practice of child detention'."),
    (5, 1): (
        "weak",
        ["24(b)"],
        "The firewall is gone: only 'does not exacerbate vulnerabilities'.",
    ),
    (5, 2): ("strong", ["16(c)"], "New paragraph on access to justice regardless of status."),
    (2, 3): ("partial", ["14(c)"], "Admission and stay for people displaced by disasters."),
}


def _key_messages() -> dict[tuple[int, int], KeyMessage]:
    rows = db.session.execute(
        select(KeyMessage, Act.number)
        .join(Act, KeyMessage.act_id == Act.id)
        .where(KeyMessage.merged_into_id.is_(None))
    )
    return {(number, message.rank): message for message, number in rows}


def _untouched_since_carried(reflection: Reflection) -> bool:
    carried = reflection.carried_from
    return carried is not None and reflection.recorded_at == carried.recorded_at


def _record(draft: Draft, reflections: dict, messages: dict, recorder: User | None) -> None:
    """Record the reflections missing on `draft`, or still as carried forward onto it."""
    paragraphs = {
        p.ref: p
        for p in db.session.scalars(
            select(DraftParagraph).where(DraftParagraph.draft_id == draft.id)
        )
    }
    for key, (level, refs, note) in reflections.items():
        message = messages.get(key)
        if message is None:
            continue
        reflection = db.session.scalar(
            select(Reflection).where(
                Reflection.key_message_id == message.id, Reflection.draft_id == draft.id
            )
        )
        if reflection is not None and not _untouched_since_carried(reflection):
            continue  # recorded or reviewed already, perhaps by someone in the app
        reflecting.record_reflection(
            key_message=message,
            draft=draft,
            level=Level(level),
            paragraphs=[paragraphs[ref] for ref in refs],
            excerpt=" … ".join(paragraphs[ref].text for ref in refs)[:600],
            note=note,
            recorded_by=recorder,
            version=reflection.version if reflection else None,
        )


def load_drafts() -> list[Draft]:
    """Add the demo drafts (and reflections) that are missing; return the drafts in order."""
    messages = _key_messages()
    recorder = db.session.scalar(select(User).where(User.email == "member@example.org"))
    milestones = {m.key: m.id for m in db.session.scalars(select(Milestone))}
    drafts = []
    for name, released_on, milestone_key, filename in DRAFTS:
        draft = db.session.scalar(select(Draft).where(Draft.name == name))
        if draft is None:
            draft = services.add_draft(
                name=name,
                released_on=released_on,
                text=(TEXTS / filename).read_text(encoding="utf-8"),
                milestone_id=milestones.get(milestone_key),
            )
        drafts.append(draft)
        later = db.session.scalar(select(Draft.id).where(Draft.released_on > released_on))
        if name == "Zero draft" and later is None:
            # Only before the next draft exists: recorded later, they would not carry.
            _record(draft, ZERO_DRAFT_REFLECTIONS, messages, recorder)
    _record(drafts[-1], FINAL_TEXT_REVIEWS, messages, recorder)
    db.session.commit()
    return drafts
