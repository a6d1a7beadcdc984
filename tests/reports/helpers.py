"""Building reports for the tests, and reading them back from the database."""

from sqlalchemy import select

from tests import factories
from tracker.core.extensions import db
from tracker.records.reports import KeyMessage, Report


def group_session_with(act):
    return factories.MeetingSessionFactory(kind="group_session", acts=[act])


def report_with_messages(*texts, **fields):
    """A report whose key messages are `texts`, ranked in that order."""
    report = factories.ReportFactory(**fields)
    for rank, text in enumerate(texts, start=1):
        factories.KeyMessageFactory(report=report, rank=rank, text=text)
    return report


def report_form(report, **changes) -> dict:
    """What the edit form would post for `report` as it is now, with `changes`."""
    data = {
        "version": str(report.version),
        "summary": report.summary,
        "priorities": "\n".join(p.text for p in report.priorities),
        "key_messages": "\n".join(m.text for m in report.key_messages),
        "divergence": report.internal.divergence if report.internal else "",
        "strategy_notes": report.internal.strategy_notes if report.internal else "",
    }
    data.update(changes)
    return data


def fresh(report_id: int) -> Report:
    db.session.expire_all()
    return db.session.get(Report, report_id)


def messages_of(report_id: int) -> list[KeyMessage]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(KeyMessage).where(KeyMessage.report_id == report_id).order_by(KeyMessage.rank)
        )
    )
