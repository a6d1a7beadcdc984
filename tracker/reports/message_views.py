"""Key messages' routes: the list, merging a duplicate, publishing or withdrawing one."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.core.conflicts import EditConflictError
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, require_button
from tracker.core.inputs import int_arg, page_arg
from tracker.records.acts import acts_in_order
from tracker.records.reader import require
from tracker.records.reports import KeyMessage
from tracker.reports import bp
from tracker.reports import messages as key_messages
from tracker.reports.forms import (
    MergeForm,
    MessageFilterForm,
)

MESSAGES_PER_PAGE = 25


@bp.get("/messages")
@login_required
def messages():
    acts = db.session.scalars(acts_in_order()).all()
    form = MessageFilterForm(formdata=request.args)
    form.set_choices(acts)
    act_number = int_arg("act") or None
    page = db.paginate(
        key_messages.messages_list(act_number),
        page=page_arg(),
        per_page=MESSAGES_PER_PAGE,
        error_out=False,
    )
    return render_template("reports/messages.html", page=page, form=form, act_number=act_number)


@bp.post("/messages/<int:message_id>/merge")
@login_required
def merge_message(message_id: int):
    message = db.first_or_404(key_messages.message_with_context(message_id))
    require("merge_key_messages", message)
    form = MergeForm(prefix="merge")
    targets = db.session.scalars(key_messages.merge_targets(message)).all()
    form.set_choices(targets)
    if message.is_merged:
        flash(_("This key message is already merged."), "warning")
        return render_template("reports/merge.html", message=message, form=None), 409
    if not form.validate_on_submit():
        return render_template("reports/merge.html", message=message, form=form), 422
    target = next(t for t in targets if t.id == form.target_id.data)
    if not form.is_confirmed:
        return render_template("reports/merge.html", message=message, form=form, target=target)
    try:
        key_messages.merge_key_message(message, target)
    except (ValueError, EditConflictError):
        db.session.rollback()
        flash(_("The key messages changed meanwhile: try again."), "warning")
        return render_template("reports/merge.html", message=message, form=form), 409
    flash(_("Merged into key message #%(id)d.", id=target.id), "success")
    return redirect(url_for("thread.message", message_id=message_id))


def _publication_step(message_id: int, step, done: str):
    message = db.first_or_404(select(KeyMessage).where(KeyMessage.id == message_id))
    require("publish", message)
    require_button()
    step(message, current_user)
    flash(done, "success")
    return redirect(url_for("thread.message", message_id=message_id))


@bp.post("/messages/<int:message_id>/publish")
@login_required
def publish_message(message_id: int):
    message = db.first_or_404(key_messages.message_with_context(message_id))
    require("publish", message)
    require_button()
    if key_messages.publishing_needs_warning(message) and request.form.get("confirmed") != "yes":
        return render_template(
            "reports/publish_message.html", message=message, button_form=ButtonForm()
        )
    return _publication_step(
        message_id,
        key_messages.publish_message,
        _("Governments now read this key message as it stands."),
    )


@bp.post("/messages/<int:message_id>/withdraw")
@login_required
def withdraw_message(message_id: int):
    return _publication_step(
        message_id,
        key_messages.withdraw_message,
        _("The key message is civil society only again."),
    )
