"""My notifications: read them, open one, mark them all read."""

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, require_button
from tracker.core.inputs import page_arg
from tracker.notifications import bp, services
from tracker.records.notifications import Notification


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
    notification = db.first_or_404(
        select(Notification).where(
            Notification.id == notification_id, Notification.user_id == current_user.id
        )
    )
    action_id = notification.action_id
    services.mark_read(current_user, notification_id)
    return redirect(url_for("actions.show", action_id=action_id))
