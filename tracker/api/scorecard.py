"""The public scorecard: when a coordinator switches it on, anyone may read, without
signing in, how each key message already shared with governments stands in each draft,
with the quoted excerpt, and nothing else."""

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.core.models import real_utcnow
from tracker.records.activity import ActivityVerb, log_activity
from tracker.records.api import Scorecard

SCORECARD_ID = 1


def scorecard() -> Scorecard | None:
    return db.session.scalar(select(Scorecard).where(Scorecard.id == SCORECARD_ID))


def is_public() -> bool:
    found = scorecard()
    return found is not None and found.public


def switch(public: bool, actor) -> None:
    """Switch the public scorecard on or off; each switch is in the activity log."""
    found = scorecard() or Scorecard(id=SCORECARD_ID, public=False)
    db.session.add(found)
    if found.public == public:
        return
    found.public = public
    found.changed_at = real_utcnow()
    found.changed_by_id = actor.id
    db.session.flush()
    verb = ActivityVerb.PUBLISHED if public else ActivityVerb.WITHDRAWN
    log_activity(actor, verb, found, "Public scorecard")
    db.session.commit()
