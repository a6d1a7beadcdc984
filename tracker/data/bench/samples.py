"""The records the benchmark's pages show: the heaviest ones every role may see."""

from sqlalchemy import func, select

from tracker.core.extensions import db
from tracker.records.actions import Action, ActionUpdate
from tracker.records.acts import Act
from tracker.records.base import Visibility
from tracker.records.drafts import Draft
from tracker.records.notes import Note
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import Stance, TableOutcome


def sample_ids() -> dict[str, int | None]:
    """Ids for the benchmark's URL templates; shared records, so observers may see them too."""
    shared = Visibility.SHARED
    busiest_session = (
        select(Note.session_id)
        .group_by(Note.session_id)
        .order_by(func.count().desc(), Note.session_id)
        .limit(1)
    )
    stances = (
        select(Stance.outcome_id)
        .join(TableOutcome, TableOutcome.id == Stance.outcome_id)
        .where(TableOutcome.visibility == shared)
        .group_by(Stance.outcome_id)
        .order_by(func.count().desc(), Stance.outcome_id)
        .limit(1)
    )
    return {
        "act": db.session.scalar(select(Act.number).order_by(Act.number).offset(2).limit(1)),
        "session": db.session.scalar(busiest_session),
        "note": db.session.scalar(
            select(Note.id)
            .where(Note.visibility == shared)
            .order_by(Note.revision_count.desc(), Note.id)
            .limit(1)
        ),
        "report": db.session.scalar(
            select(Report.id).where(Report.visibility == shared).order_by(Report.id).limit(1)
        ),
        "outcome": db.session.scalar(stances),
        "draft": db.session.scalar(select(Draft.id).order_by(Draft.released_on.desc()).limit(1)),
        "action": db.session.scalar(
            select(Action.id)
            .join(ActionUpdate, ActionUpdate.action_id == Action.id)
            .where(Action.visibility == shared)
            .group_by(Action.id)
            .order_by(func.count().desc(), Action.id)
            .limit(1)
        ),
        "message": db.session.scalar(
            select(Stance.key_message_id)
            .join(KeyMessage, KeyMessage.id == Stance.key_message_id)
            .where(KeyMessage.visibility == shared)
            .group_by(Stance.key_message_id)
            .order_by(func.count().desc(), Stance.key_message_id)
            .limit(1)
        ),
    }
