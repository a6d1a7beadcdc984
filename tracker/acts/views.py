"""The ten ACTs and one page per ACT holding its whole thread."""

from flask import render_template
from flask_login import login_required

from tracker.acts import bp, services
from tracker.core.clock import today
from tracker.core.extensions import db
from tracker.drafts import matrix as drafts_matrix
from tracker.notes import services as notes_services
from tracker.records.acts import Act
from tracker.reports import services as reports_services
from tracker.tables import services as tables_services


@bp.get("/acts")
@login_required
def index():
    acts = db.session.scalars(services.acts_in_order()).all()
    return render_template("acts/index.html", acts=acts)


@bp.get("/acts/<int:number>")
@login_required
def show(number: int):
    # Imported here: the actions feature's models import this package's models.
    from tracker.actions import lists as actions_lists

    act = db.first_or_404(db.select(Act).where(Act.number == number))
    sessions = db.session.scalars(services.sessions_for_act(act)).all()
    act_reports = reports_services.for_act(act)
    return render_template(
        "acts/show.html",
        act=act,
        sessions=sessions,
        act_notes=notes_services.for_act(act, sessions),
        act_reports=act_reports,
        act_reflections=drafts_matrix.for_act(
            act_reports.key_messages, today(), act, act_reports.messages_total
        ),
        act_tables=tables_services.for_act(act, messages=act_reports.key_messages),
        act_actions=actions_lists.for_act(act, today()),
    )
