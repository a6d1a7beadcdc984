"""Key messages: the queries that list and find them, publishing one on its own, ordering
them within their report and merging duplicates."""

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from tracker.core.conflicts import commit_or_conflict
from tracker.core.extensions import db
from tracker.core.models import utcnow
from tracker.records import publishing
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.reports import (
    KeyMessage,
    Report,
    ReportStatus,
)


def message_with_context(message_id: int) -> Select:
    return (
        select(KeyMessage)
        .where(KeyMessage.id == message_id)
        .options(
            joinedload(KeyMessage.act),
            joinedload(KeyMessage.report).joinedload(Report.session),
            joinedload(KeyMessage.merged_into),
        )
    )


def merged_from(message: KeyMessage) -> Select:
    return select(KeyMessage).where(KeyMessage.merged_into_id == message.id).order_by(KeyMessage.id)


def active_messages() -> Select:
    return select(KeyMessage).where(KeyMessage.merged_into_id.is_(None))


def merge_targets(message: KeyMessage) -> Select:
    """Active messages of the same ACT that `message` may be merged into."""
    return (
        active_messages()
        .where(KeyMessage.act_id == message.act_id, KeyMessage.id != message.id)
        .options(joinedload(KeyMessage.report))
        .order_by(KeyMessage.report_id, KeyMessage.rank, KeyMessage.id)
    )


def messages_list(act_number: int | None = None) -> Select:
    query = (
        active_messages()
        .join(KeyMessage.act)
        .options(joinedload(KeyMessage.act), joinedload(KeyMessage.report))
        .order_by(Act.number, KeyMessage.report_id, KeyMessage.rank, KeyMessage.id)
    )
    if act_number is not None:
        query = query.where(Act.number == act_number)
    return query


def publish_message(message: KeyMessage, actor: User) -> None:
    publishing.publish(message, actor, message_summary(message))
    db.session.commit()


def publishing_needs_warning(message: KeyMessage) -> bool:
    """A message from a report that was not accepted is published only after a warning."""
    return message.report is not None and message.report.status != ReportStatus.ACCEPTED


def withdraw_message(message: KeyMessage, actor: User) -> None:
    publishing.withdraw(message, actor, message_summary(message))
    db.session.commit()


def message_summary(message: KeyMessage) -> str:
    return _("Key message #%(id)d", id=message.id)


def parse_order(text: str | None) -> list[int] | None:
    try:
        return [int(part) for part in (text or "").split(",") if part.strip()]
    except ValueError:
        return None


def order_key_messages(report: Report, ids: list[int]) -> None:
    """Rank the report's key messages in the order given; every one of them, once."""
    messages = {message.id: message for message in report.key_messages}
    if sorted(ids) != sorted(messages):
        raise ValueError("the order must list each key message of the report once")
    for rank, message_id in enumerate(ids, start=1):
        if messages[message_id].rank != rank:
            messages[message_id].rank = rank
    report.updated_at = utcnow()  # an open edit form now holds a stale order
    commit_or_conflict(report)


def moved(ids: list[int], index: int, offset: int) -> str:
    """The order after moving the item at `index` by `offset`, as the form sends it."""
    order = list(ids)
    target = index + offset
    order[index], order[target] = order[target], order[index]
    return ",".join(str(i) for i in order)


def merge_key_message(message: KeyMessage, target: KeyMessage) -> None:
    """Mark `message` a duplicate of `target`; what was merged into it follows along."""
    if target.id == message.id or target.act_id != message.act_id or target.is_merged:
        raise ValueError("merge into another active key message of the same ACT")
    message.merged_into = target
    for earlier in db.session.scalars(merged_from(message)).all():
        earlier.merged_into = target
    commit_or_conflict(message)
