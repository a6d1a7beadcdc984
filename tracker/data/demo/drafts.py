"""Load the demo drafts of the Compact (drafts.toml, texts in drafts/) and how the demo key
messages are reflected in them.

Each draft is added through the same service as the "Add a draft" page, so the reflections
recorded on the one before are carried forward (unchanged, to review, lost) exactly as in
the app; a draft's own reflections are then recorded, or reviewed on the last draft. Drafts
are found by name, reflections by (key message, draft): loading twice changes nothing. Key
messages are found by ACT number and rank; when the meeting record is not loaded, drafts
are added without reflections.
"""

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.files import read_text, read_toml
from tracker.drafts import reflections as reflecting
from tracker.drafts import services
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft, DraftParagraph, Level, Reflection
from tracker.records.reports import KeyMessage

EXCERPT_LENGTH = 600


def load_drafts() -> list[Draft]:
    """Add the demo drafts (and reflections) that are missing; return the drafts in order."""
    data = read_toml(__package__, "drafts.toml")
    messages = _key_messages()
    recorder = db.session.scalar(select(User).where(User.email == data["recorded_by"]))
    milestones = {m.key: m.id for m in db.session.scalars(select(Milestone))}
    drafts = []
    for index, spec in enumerate(data["drafts"]):
        draft = db.session.scalar(select(Draft).where(Draft.name == spec["name"]))
        if draft is None:
            draft = services.add_draft(
                name=spec["name"],
                released_on=spec["released_on"],
                text=read_text(__package__, f"drafts/{spec['text']}"),
                milestone_id=milestones.get(spec["milestone"]),
            )
        drafts.append(draft)
        # The last draft's are reviews of what was carried onto it; the others' are recorded
        # only before a later draft exists (recorded later, they would not carry forward).
        if index == len(data["drafts"]) - 1 or not _later_draft(draft):
            _record(draft, spec["reflections"], messages, recorder)
    db.session.commit()
    return drafts


def _later_draft(draft: Draft) -> bool:
    return (
        db.session.scalar(select(Draft.id).where(Draft.released_on > draft.released_on)) is not None
    )


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


def _record(draft: Draft, reflections: list[dict], messages: dict, recorder: User | None) -> None:
    """Record the reflections missing on `draft`, or still as carried forward onto it."""
    paragraphs = {
        p.ref: p
        for p in db.session.scalars(
            select(DraftParagraph).where(DraftParagraph.draft_id == draft.id)
        )
    }
    for row in reflections:
        message = messages.get((row["act"], row["message"]))
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
            level=Level(row["level"]),
            paragraphs=[paragraphs[ref] for ref in row["paragraphs"]],
            excerpt=" … ".join(paragraphs[ref].text for ref in row["paragraphs"])[:EXCERPT_LENGTH],
            note=row.get("note", ""),
            recorded_by=recorder,
            version=reflection.version if reflection else None,
        )
