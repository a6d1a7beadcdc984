"""The dashboard: the road to adoption with the drafts on it, a card per ACT, my actions and
recent activity."""

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import load_only

from tracker.acts.services import acts_in_order
from tracker.agenda.services import milestones_in_order
from tracker.core.clock import today
from tracker.core.extensions import db
from tracker.dashboard import bp
from tracker.dashboard.services import act_cards, drafts_by_milestone, timeline


@bp.get("/")
def root():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    return redirect(url_for("auth.sign_in"))


@bp.get("/dashboard")
@login_required
def index():
    from tracker.actions import lists as actions  # its models import the ACTs'
    from tracker.drafts.services import drafts_in_order, latest_drafts
    from tracker.records.drafts import Draft

    milestones = db.session.scalars(milestones_in_order()).all()
    acts = db.session.scalars(acts_in_order()).all()
    fields = load_only(Draft.id, Draft.name, Draft.released_on, Draft.milestone_id)
    drafts = db.session.scalars(drafts_in_order().options(fields)).all()
    latest = db.session.scalars(latest_drafts(today(), 1).options(fields)).first()
    return render_template(
        "dashboard/index.html",
        timeline=timeline(milestones, today()),
        drafts=drafts_by_milestone(drafts),
        latest_draft=latest,
        cards=act_cards(list(acts), latest, today(), current_user),
        my_actions=db.session.scalars(actions.next_for(current_user)).all(),
        activity=actions.recent_activity(),
    )
