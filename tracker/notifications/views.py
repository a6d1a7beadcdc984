"""My notifications: read them, open one, mark them all read; follow an ACT or an ask."""

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, require_button
from tracker.core.inputs import page_arg
from tracker.notifications import bp, follows, services
from tracker.records.acts import Act
from tracker.records.reader import require
from tracker.records.reports import KeyMessage


@bp.get("/notifications")
@login_required
def index():
    page = services.for_user(current_user, page_arg())
    return render_template(
        "notifications/index.html", page=page, text_of=services.text_of, form=ButtonForm()
    )


@bp.post("/notifications/read")
@login_required
def read_all():
    require_button()
    services.mark_read(current_user)
    return redirect(url_for("notifications.index"))


@bp.post("/notifications/<int:notification_id>/open")
@login_required
def open_one(notification_id: int):
    require_button()
    notification = db.first_or_404(services.notification_of(current_user, notification_id))
    link = services.link_of(notification)
    services.mark_read(current_user, notification_id)
    return redirect(link)


# Following -------------------------------------------------------------------------------


def _act(number: int) -> Act:
    act = db.first_or_404(select(Act).where(Act.number == number))
    require("follow", act)
    require_button()
    return act


def _message(message_id: int) -> KeyMessage:
    message = db.first_or_404(select(KeyMessage).where(KeyMessage.id == message_id))
    require("follow", message)
    require_button()
    return message


@bp.post("/acts/<int:number>/follow")
@login_required
def follow_act(number: int):
    act = _act(number)
    follows.follow(current_user, act_id=act.id)
    return redirect(url_for("thread.act", number=number, _anchor="follow"))


@bp.post("/acts/<int:number>/unfollow")
@login_required
def unfollow_act(number: int):
    act = _act(number)
    follows.unfollow(current_user, act_id=act.id)
    return redirect(url_for("thread.act", number=number, _anchor="follow"))


@bp.post("/messages/<int:message_id>/follow")
@login_required
def follow_message(message_id: int):
    message = _message(message_id)
    follows.follow(current_user, key_message_id=message.id)
    return redirect(url_for("thread.message", message_id=message_id, _anchor="follow"))


@bp.post("/messages/<int:message_id>/unfollow")
@login_required
def unfollow_message(message_id: int):
    message = _message(message_id)
    follows.unfollow(current_user, key_message_id=message.id)
    return redirect(url_for("thread.message", message_id=message_id, _anchor="follow"))
