"""What a notification says, in the reader's language, and where it leads."""

from flask import url_for
from flask_babel import gettext as _

from tracker.core.labels import ACTION_STATUSES
from tracker.records.notifications import Notification, NotificationKind

ASK_LENGTH = 90


def _short(text: str, length: int = ASK_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _about_action(n: Notification, actor: str) -> str:
    values = {"actor": actor, "title": n.action.title if n.action else ""}
    if n.kind == NotificationKind.ASSIGNED:
        return _("%(actor)s assigned you the action “%(title)s”.", **values)
    if n.kind == NotificationKind.UNASSIGNED:
        return _("%(actor)s gave the action “%(title)s” to someone else.", **values)
    if n.kind == NotificationKind.STATUS:
        status = ACTION_STATUSES.get(str(n.to_status), "")
        return _("%(actor)s moved the action “%(title)s” to %(status)s.", status=status, **values)
    if n.kind == NotificationKind.COMMENTED:
        return _("%(actor)s commented on the action “%(title)s”.", **values)
    if n.kind == NotificationKind.ACTION_CREATED:
        return _("%(actor)s added a new action: “%(title)s”.", **values)
    return _("%(actor)s changed the action “%(title)s”.", **values)


def _about_report(n: Notification, actor: str) -> str:
    values = {"actor": actor, "act": n.report.act.label if n.report else ""}
    if n.kind == NotificationKind.REPORT_SUBMITTED:
        return _("%(actor)s submitted the report of %(act)s for review.", **values)
    if n.kind == NotificationKind.REPORT_RETURNED:
        return _(
            "%(actor)s returned the report of %(act)s for revision: “%(comment)s”",
            comment=_short(n.detail, 300),
            **values,
        )
    if n.kind == NotificationKind.REPORT_ACCEPTED:
        return _("%(actor)s accepted the report of %(act)s.", **values)
    if n.kind == NotificationKind.REPORT_RECALLED:
        return _("%(actor)s withdrew the submitted report of %(act)s, to revise it.", **values)
    return _("%(actor)s reopened the report of %(act)s for revision.", **values)


def _about_alert(n: Notification) -> str:
    alert = n.alert
    if alert is None:
        return ""
    values = {
        "draft": alert.draft.name,
        "number": alert.key_message.act.number,
        "ask": _short(alert.key_message.text),
    }
    if n.kind == NotificationKind.ASK_WEAKENED:
        return _("%(draft)s weakens the ask “%(ask)s” (ACT %(number)d).", **values)
    if n.kind == NotificationKind.ASK_STRENGTHENED:
        return _("%(draft)s strengthens the ask “%(ask)s” (ACT %(number)d).", **values)
    return _("%(draft)s changes the paragraph of the ask “%(ask)s” (ACT %(number)d).", **values)


def text_of(n: Notification) -> str:
    """The notification's sentence, in the current locale."""
    actor = (n.actor.name if n.actor else "") or _("Someone")
    if n.action_id is not None:
        return _about_action(n, actor)
    if n.report_id is not None:
        return _about_report(n, actor)
    if n.alert_id is not None:
        return _about_alert(n)
    where = n.key_message.act.label if n.key_message else (n.act.label if n.act else "")
    return _("New position recorded (%(where)s): %(summary)s", where=where, summary=n.detail)


def link_of(n: Notification, external: bool = False) -> str:
    """Where opening the notification leads."""
    if n.action_id is not None:
        return url_for("actions.show", action_id=n.action_id, _external=external)
    if n.report_id is not None:
        return url_for("reports.show", report_id=n.report_id, _external=external)
    if n.alert_id is not None and n.alert is not None:
        return url_for(
            "alerts.for_draft",
            draft_id=n.alert.draft_id,
            _anchor=f"alert-{n.alert_id}",
            _external=external,
        )
    if n.key_message_id is not None:
        return url_for("thread.message", message_id=n.key_message_id, _external=external)
    if n.act is not None:
        return url_for("thread.act", number=n.act.number, _external=external)
    return url_for("notifications.index", _external=external)
