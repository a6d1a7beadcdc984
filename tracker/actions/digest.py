"""The daily digest: each owner is mailed their actions overdue or due within a few days."""

from itertools import groupby

from flask import current_app, url_for
from flask_babel import force_locale, format_date, ngettext
from flask_babel import gettext as _

from tracker.actions import lists
from tracker.core.clock import today
from tracker.core.extensions import db
from tracker.core.mail import deliver, queue_mail


def send_due_digests(days: int = 3) -> int:
    """Queue and deliver one mail per owner; the number of mails sent.

    Runs outside any request (cron): the query sees every action, and each owner is only
    ever mailed their own. Links start with PUBLIC_URL.
    """
    now = today()
    actions = db.session.scalars(lists.due_soon(now, days)).all()
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
        messages = _queue_digests(actions, now, days)
    db.session.flush()
    for message in messages:
        deliver(message)
    db.session.commit()
    return len(messages)


def _queue_digests(actions, now, days: int) -> list:
    messages = []
    for _owner_id, group in groupby(actions, key=lambda action: action.owner_id):
        owned = list(group)
        owner = owned[0].owner
        with force_locale(owner.locale or "en"):
            overdue = [a for a in owned if a.is_overdue(now)]
            soon = [a for a in owned if not a.is_overdue(now)]
            lines = []
            if overdue:
                lines.append(_("Overdue:"))
                lines += [_line(action) for action in overdue]
                lines.append("")
            if soon:
                lines.append(ngettext("Due within %(num)d day:", "Due within %(num)d days:", days))
                lines += [_line(action) for action in soon]
                lines.append("")
            lines.append(
                _("All your actions: %(url)s", url=url_for("actions.mine", _external=True))
            )
            subject = ngettext("%(num)d action needs you", "%(num)d actions need you", len(owned))
            messages.append(queue_mail(owner.email, subject, "\n".join(lines)))
    return messages


def _line(action) -> str:
    link = url_for("actions.show", action_id=action.id, _external=True)
    return (
        f"- {format_date(action.due_on, 'medium')} · {action.title} ({action.act.label})\n  {link}"
    )
