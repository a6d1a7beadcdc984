"""Load the demo's groups of states and its governments' positions in the negotiation
rounds (positions.toml): illustrative, civil society only, each with the file's note.

A position is found by (round, government, ACT, key message, paragraph) before it is
created, so loading twice changes nothing. Paragraphs are found in the draft under
negotiation in the round (one of the demo's drafts), as the entry form finds them. Only
flushes; the caller commits."""

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.files import read_toml
from tracker.positions.services import draft_under_negotiation, paragraph_by_ref, paragraphs_of
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft
from tracker.records.positions import PositionSource, RoundPosition, Stand
from tracker.records.reports import KeyMessage
from tracker.records.tables import Government, GovernmentKind
from tracker.text.redaction import group_translations, negotiating_groups

POSITIONS = read_toml(__package__, "positions.toml")
# The groups as the workspace lists them (the data lives with the text engine, which
# redacts these names under the Chatham House rule).
GROUPS = negotiating_groups()
# Paragraph numbers are those of the demo's own drafts.
DEMO_DRAFTS = tuple(row["name"] for row in read_toml(__package__, "drafts.toml")["drafts"])


def load_groups() -> None:
    """The groups of states that negotiate together, beside the governments."""
    existing = set(db.session.scalars(select(Government.name)))
    names = group_translations()
    for name in GROUPS:
        if name not in existing:
            translations = {lang: {"name": text} for lang, text in names[name].items()}
            db.session.add(
                Government(name=name, kind=GovernmentKind.GROUP, translations=translations)
            )
    db.session.flush()


def load_positions() -> None:
    load_groups()
    recorder = db.session.scalar(select(User).where(User.email == POSITIONS["recorded_by"]))
    rounds = {m.key: m for m in db.session.scalars(select(Milestone))}
    acts = {act.number: act for act in db.session.scalars(select(Act))}
    governments = {g.name: g for g in db.session.scalars(select(Government))}
    messages = {
        (m.act_id, m.rank): m
        for m in db.session.scalars(select(KeyMessage).where(KeyMessage.merged_into_id.is_(None)))
    }
    for row in POSITIONS["positions"]:
        milestone = rounds[row["round"]]
        act = acts[row["act"]]
        message = messages.get((act.id, row["message"])) if row["message"] else None
        paragraph = None
        if row["paragraph"]:
            draft = db.session.scalar(
                draft_under_negotiation(milestone).where(Draft.name.in_(DEMO_DRAFTS))
            )
            if draft is None:
                raise ValueError(f"positions.toml: no draft before {row['round']}")
            paragraph = paragraph_by_ref(
                db.session.scalars(paragraphs_of(draft.id)).all(), row["paragraph"]
            )
            if paragraph is None:
                raise ValueError(f"positions.toml: no paragraph {row['paragraph']} in {draft.name}")
        for name, stand in row["stands"].items():
            _position(
                RoundPosition(
                    milestone_id=milestone.id,
                    government_id=governments[name].id,
                    act_id=act.id,
                    key_message_id=message.id if message else None,
                    paragraph_ref=paragraph.ref if paragraph else "",
                    paragraph_id=paragraph.id if paragraph else None,
                    stand=Stand(stand),
                    amendment=row.get("amendments", {}).get(name, ""),
                    source=PositionSource(row["source"]),
                    stated_on=row["on"],
                    note=POSITIONS["note"],
                    recorded_by_id=recorder.id if recorder else None,
                )
            )
    db.session.flush()


def _position(position: RoundPosition) -> None:
    found = db.session.scalar(
        select(RoundPosition.id).where(
            RoundPosition.milestone_id == position.milestone_id,
            RoundPosition.government_id == position.government_id,
            RoundPosition.act_id == position.act_id,
            RoundPosition.key_message_id.is_(position.key_message_id)
            if position.key_message_id is None
            else RoundPosition.key_message_id == position.key_message_id,
            RoundPosition.paragraph_ref == position.paragraph_ref,
        )
    )
    if found is None:
        db.session.add(position)
