"""A person's actions in their calendar app: the secret address, and the feed it reads."""

import secrets

from flask import Response, abort, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select, update

from tracker.actions import bp, exports, lists
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm
from tracker.core.tokens import token_hash
from tracker.records.accounts import User
from tracker.records.reader import read_as


@bp.route("/calendar", methods=["GET", "POST"])
@login_required
def calendar():
    """The secret address of my actions' calendar: create, replace or revoke it."""
    form = ButtonForm()
    feed_url = None
    if form.validate_on_submit():
        if request.form.get("revoke"):
            new_hash = None
            flash(_("The calendar address is revoked: it no longer works."), "success")
        else:
            token = secrets.token_urlsafe(32)
            new_hash = token_hash(token)
            feed_url = url_for("actions.feed", token=token, _external=True)
            flash(
                _("Your calendar address is ready. Copy it now: it is shown only once."),
                "success",
            )
        db.session.execute(
            update(User).where(User.id == current_user.id).values(calendar_token_hash=new_hash),
            execution_options={"synchronize_session": False},
        )
        db.session.commit()
        has_feed = new_hash is not None
    else:
        has_feed = current_user.calendar_token_hash is not None
    return render_template("actions/calendar.html", form=form, feed_url=feed_url, has_feed=has_feed)


@bp.get("/calendar/<token>.ics")
def feed(token: str):
    """A person's actions for their calendar app; the secret in the address signs them in
    for this one read, so they see what they may see, nothing more."""
    if len(token) > 100:
        abort(404)
    owner = db.session.scalar(
        select(User).where(User.calendar_token_hash == token_hash(token), User.active.is_(True))
    )
    if owner is None:
        abort(404)
    read_as(owner)
    actions = db.session.scalars(lists.calendar_of(owner)).all()
    body = exports.person_calendar(owner.name, actions, request.host.split(":")[0])
    return Response(body, mimetype="text/calendar")
