"""What the ACT page folds as the workspace grows: its sessions on the agenda.

The page shows the latest few and says how many there are; the ACT's sessions page lists
them all, a page at a time.
"""

from sqlalchemy import func

from tracker.core.extensions import db
from tracker.records.acts import Act
from tracker.records.agenda import MeetingSession, sessions_for_act

ACT_PAGE_SESSIONS = 10
SESSIONS_PER_PAGE = 50


def latest_sessions(act: Act, limit: int = ACT_PAGE_SESSIONS) -> tuple[list[MeetingSession], int]:
    """The ACT's `limit` latest sessions in agenda order, and how many it has, in one query."""
    rows = db.session.execute(
        sessions_for_act(act)
        .order_by(None)
        .order_by(
            MeetingSession.day.desc(),
            MeetingSession.starts_at.desc(),
            MeetingSession.position.desc(),
        )
        .add_columns(func.count().over())
        .limit(limit)
    ).all()
    return [item for item, _total in reversed(rows)], (rows[0][1] if rows else 0)
