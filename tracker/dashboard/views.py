"""The dashboard: the road to adoption and a card per ACT."""

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required

from tracker.acts.services import acts_in_order
from tracker.agenda.services import milestones_in_order
from tracker.clock import today
from tracker.dashboard import bp
from tracker.dashboard.services import timeline
from tracker.extensions import db


@bp.get("/")
def root():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    return redirect(url_for("auth.sign_in"))


@bp.get("/dashboard")
@login_required
def index():
    milestones = db.session.scalars(milestones_in_order()).all()
    acts = db.session.scalars(acts_in_order()).all()
    return render_template(
        "dashboard/index.html", timeline=timeline(milestones, today()), acts=acts
    )
