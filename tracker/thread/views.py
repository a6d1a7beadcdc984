"""The pages that compose features: each loads what its features give it, then renders."""

from flask import Response, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.actions import lists as actions_lists
from tracker.core.clock import today
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm
from tracker.core.inputs import int_arg, page_arg
from tracker.notes import services as notes_services
from tracker.notifications import follows
from tracker.records import policy
from tracker.records.acts import Act, acts_in_order
from tracker.records.agenda import milestones_in_order, session_with_details, sessions_for_act
from tracker.records.drafts import Level
from tracker.records.reader import require, shows_archived
from tracker.reports import messages as reports_messages
from tracker.reports import services as reports_services
from tracker.reports.forms import AssignRapporteurForm, MergeForm, MessageFilterForm
from tracker.tables import grids as tables_grids
from tracker.thread import act_page, bp, dashboard, lobby, matrix
from tracker.thread.brief import as_markdown, brief_of, trend_text
from tracker.thread.cache import personal_part
from tracker.thread.story import story_of

# Six drafts make a row of seven cells: 25 rows keep the page light on a phone.
MATRIX_ROWS_PER_PAGE = 25
MATRIX_LEVELS = (Level.STRONG, Level.PARTIAL, Level.WEAK, Level.ABSENT)


@bp.get("/")
def root():
    if current_user.is_authenticated:
        return redirect(url_for("thread.dashboard"))
    return redirect(url_for("auth.sign_in"))


@bp.get("/dashboard", endpoint="dashboard")
@login_required
def dashboard_page():
    milestones = db.session.scalars(milestones_in_order()).all()
    acts = db.session.scalars(acts_in_order()).all()
    drafts = db.session.scalars(dashboard.drafts_on_the_road()).all()
    latest = db.session.scalars(dashboard.latest_draft(today())).first()
    return render_template(
        "thread/dashboard.html",
        timeline=dashboard.timeline(milestones, today()),
        drafts=dashboard.drafts_by_milestone(drafts),
        latest_draft=latest,
        cards=dashboard.act_cards(list(acts), latest, today(), current_user),
        activity=actions_lists.recent_activity(),
    )


@personal_part("report_tasks")
def report_tasks() -> str:
    """The dashboard's reports: the reader's to write, and to review for coordinators."""
    reviewing = policy.may(current_user, "review_report")
    return render_template(
        "reports/_dashboard_section.html",
        reports_to_write=db.session.scalars(reports_services.reports_to_write(current_user)).all(),
        reports_to_review=db.session.scalars(reports_services.reports_awaiting_review()).all()
        if reviewing
        else [],
    )


@personal_part("follow_act")
def follow_act() -> str:
    """Whether the reader follows the ACT of the page, with the button to change it."""
    number: int = (request.view_args or {})["number"]
    following = policy.may(current_user, "follow") and follows.follows_act_number(
        current_user, number
    )
    return render_template(
        "thread/_follow_act.html", number=number, following=following, button_form=ButtonForm()
    )


@personal_part("my_actions")
def my_actions() -> str:
    """The dashboard's "my actions", rendered for the reader around the shared page."""
    mine = db.session.scalars(actions_lists.next_for(current_user)).all()
    return render_template("thread/_my_actions.html", my_actions=mine)


@bp.get("/acts")
@login_required
def acts():
    return render_template("thread/acts.html", acts=db.session.scalars(acts_in_order()).all())


@bp.get("/acts/<int:number>")
@login_required
def act(number: int):
    act = db.first_or_404(select(Act).where(Act.number == number))
    sessions, sessions_total = act_page.latest_sessions(act)
    act_reports = reports_services.for_act(act)
    messages = act_reports.key_messages
    return render_template(
        "thread/act.html",
        act=act,
        sessions=sessions,
        sessions_total=sessions_total,
        act_notes=notes_services.for_act(act, sessions),
        act_reports=act_reports,
        act_reflections=matrix.for_act(messages, today(), act, act_reports.messages_total),
        act_tables=tables_grids.for_act(act, current_user, messages=messages),
        act_actions=actions_lists.for_act(act, today()),
        button_form=ButtonForm(),
        act_positions=lobby.positions_only(messages),
    )


def _following(**thing) -> bool:
    """Whether the reader follows the ACT or key message (civil society only may)."""
    return policy.may(current_user, "follow") and follows.is_following(current_user, **thing)


@bp.get("/acts/<int:number>/sessions")
@login_required
def act_sessions(number: int):
    """Every session on the agenda that covers this ACT, a page at a time."""
    act = db.first_or_404(select(Act).where(Act.number == number))
    page = db.paginate(
        sessions_for_act(act),
        page=page_arg(),
        per_page=act_page.SESSIONS_PER_PAGE,
        error_out=False,
    )
    return render_template("thread/act_sessions.html", act=act, page=page)


@bp.get("/acts/<int:number>/brief")
@login_required
def brief(number: int):
    """The ACT's one-page brief for a delegate (prints on A4)."""
    act = db.first_or_404(select(Act).where(Act.number == number))
    brief = brief_of(act, today(), current_user)
    return render_template("thread/brief.html", brief=brief, trend_text=trend_text)


@bp.get("/acts/<int:number>/brief.md")
@login_required
def brief_markdown(number: int):
    act = db.first_or_404(select(Act).where(Act.number == number))
    text = as_markdown(brief_of(act, today(), current_user), today())
    return Response(
        text,
        mimetype="text/markdown",
        headers={"Content-Disposition": f'attachment; filename="act-{number}-brief.md"'},
    )


@bp.get("/drafts/matrix", endpoint="matrix")
@login_required
def matrix_page():
    require("view_workspace")
    acts = db.session.scalars(acts_in_order()).all()
    act_number = int_arg("act") or None
    act = next((a for a in acts if a.number == act_number), None)
    if act_number is not None and act is None:
        abort(404)
    form = MessageFilterForm(formdata=request.args)
    form.set_choices(acts)
    rows = matrix.matrix_rows(act_number)
    page = db.paginate(rows, page=page_arg(), per_page=MATRIX_ROWS_PER_PAGE, error_out=False)
    return render_template(
        "thread/matrix.html",
        page=page,
        form=form,
        act=act,
        act_number=act_number,
        matrix=matrix.carry_through(list(page.items), page.total or 0, act_number),
        levels=MATRIX_LEVELS,
    )


@bp.get("/sessions/<int:session_id>")
@login_required
@shows_archived
def session(session_id: int):
    item = db.first_or_404(session_with_details(session_id))
    reports = reports_services.for_session(item)
    assign_form = None
    if reports.acts_without_report and policy.may(current_user, "assign_rapporteur"):
        candidates = db.session.scalars(reports_services.rapporteur_candidates()).all()
        assign_form = AssignRapporteurForm(prefix="assign")
        assign_form.set_choices(reports.acts_without_report, candidates)
    return render_template(
        "thread/session.html",
        item=item,
        session_notes=notes_services.for_session(item),
        session_reports=reports,
        assign_form=assign_form,
        session_tables=tables_grids.for_session(item),
    )


@bp.get("/messages/<int:message_id>")
@login_required
@shows_archived
def message(message_id: int):
    message = db.first_or_404(reports_messages.message_with_context(message_id))
    merge_form = None
    if policy.may(current_user, "merge_key_messages", message) and not message.is_merged:
        merge_form = MergeForm(prefix="merge", formdata=None)
        merge_form.set_choices(db.session.scalars(reports_messages.merge_targets(message)).all())
    story = story_of(message, current_user)
    return render_template(
        "thread/message.html",
        message=message,
        merged_here=db.session.scalars(reports_messages.merged_from(message)).all(),
        merge_form=merge_form,
        button_form=ButtonForm(),
        story=story,
        linked_actions=[chapter.record for chapter in story if chapter.kind == "action"],
        new_action_url=url_for("actions.new", key_message=message.id),
        following=_following(key_message_id=message.id),
    )
