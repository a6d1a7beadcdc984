"""Next-step actions: create, follow, move along, comment; lists, board and exports."""

from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.actions import bp, exports, lists, services
from tracker.actions.forms import (
    NOBODY,
    ActionForm,
    CommentForm,
    FilterForm,
    StatusForm,
)
from tracker.core.clock import today
from tracker.core.conflicts import ConflictField, EditConflictError
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, describe_share, require_button
from tracker.core.inputs import int_arg, page_arg
from tracker.records.actions import Action
from tracker.records.acts import acts_in_order
from tracker.records.agenda import milestones_in_order
from tracker.records.policy import is_staff
from tracker.records.reader import require, shows_archived
from tracker.records.reports import KeyMessage
from tracker.records.tables import TableOutcome
from tracker.text.markdown import render_markdown


def _action_or_404(action_id: int) -> Action:
    # Observers load shared actions only: the reader's filter hides the rest (404).
    return db.first_or_404(services.action_page(action_id))


def _choices():
    return (
        db.session.scalars(acts_in_order()).all(),
        db.session.scalars(services.owner_candidates()).all(),
        db.session.scalars(services.organizations()).all(),
        db.session.scalars(milestones_in_order()).all(),
    )


def _fields(form: ActionForm, acts, owners, organizations, milestones) -> services.ActionFields:
    def pick(records, record_id):
        return next((r for r in records if r.id == record_id), None)

    return services.ActionFields(
        title=form.title.data,
        description=form.description.data or "",
        act=pick(acts, form.act_id.data),
        owner=pick(owners, form.owner_id.data) if form.owner_id.data != NOBODY else None,
        organization=pick(organizations, form.organization_id.data),
        due_on=form.due_on.data,
        milestone=pick(milestones, form.milestone_id.data),
        priority=form.priority.data,
    )


# Lists --------------------------------------------------------------------------------------


def _filter_form():
    acts = db.session.scalars(acts_in_order()).all()
    milestones = db.session.scalars(milestones_in_order()).all()
    form = FilterForm(request.args)
    owners, organizations = lists.chosen_owner_and_organization(
        form.owner.data, form.organization.data
    )
    form.set_choices(acts, owners, organizations, milestones)
    return form, acts


@bp.get("/actions")
@login_required
def index():
    form, acts = _filter_form()
    if not form.validate():
        return render_template("actions/index.html", form=form, page=None, acts=acts), 400
    filters = lists.Filters.of(form)
    page = lists.page_of(filters, today(), page_arg())
    return render_template(
        "actions/index.html", form=form, page=page, acts=acts, args=form.url_args()
    )


@bp.get("/actions/export.csv")
@login_required
def export_csv():
    form, _acts = _filter_form()
    if not form.validate():
        abort(400)
    filters = lists.Filters.of(form)
    statement = lists.filtered(filters, today()).options(*lists.export_options())
    actions = db.session.scalars(statement).all()
    name = f"actions-{today().isoformat()}.csv"
    return Response(
        "".join(exports.csv_rows(actions, today())),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/actions/mine")
@login_required
def mine():
    return render_template(
        "actions/mine.html",
        mine=lists.my_actions(current_user, today()),
        group_limit=lists.MY_GROUP_LIMIT,
        moves=services.moves_for(current_user),
    )


@bp.get("/actions/board")
@login_required
def board():
    acts = db.session.scalars(acts_in_order()).all()
    number = int_arg("act")
    act = next((a for a in acts if a.number == number), None)
    if number is not None and act is None:
        abort(404)
    return render_template(
        "actions/board.html",
        acts=acts,
        act=act,
        columns=lists.board(act),
        moves=services.moves_for(current_user),
    )


# One action ----------------------------------------------------------------------------------


@bp.route("/actions/new", methods=["GET", "POST"])
@login_required
def new():
    require("create_action")
    key_message = outcome = None
    if message_id := int_arg("key_message"):
        key_message = db.first_or_404(select(KeyMessage).where(KeyMessage.id == message_id))
    if outcome_id := int_arg("outcome"):
        outcome = db.first_or_404(select(TableOutcome).where(TableOutcome.id == outcome_id))
    acts, owners, organizations, milestones = _choices()
    form = ActionForm()
    form.set_choices(acts, owners, organizations, milestones)
    if request.method == "GET":
        _suggest(form, key_message, outcome, acts)
    if form.validate_on_submit():
        fields = _fields(form, acts, owners, organizations, milestones)
        action = services.create_action(
            fields, current_user, key_message, outcome, share=bool(form.share.data)
        )
        flash(_("Action created."), "success")
        return redirect(url_for("actions.show", action_id=action.id))
    status = 422 if form.is_submitted() else 200
    return render_template(
        "actions/form.html", form=form, action=None, key_message=key_message, outcome=outcome
    ), status


def _suggest(form: ActionForm, key_message, outcome, acts) -> None:
    """A new action's ACT from its source (or ?act=), and its title from a key message."""
    source = key_message or outcome
    number = int_arg("act")
    act = next((a for a in acts if a.number == number), None)
    if source is not None:
        form.act_id.data = source.act_id
    elif act is not None:
        form.act_id.data = act.id
    if key_message is not None:
        form.title.data = _("Follow up: %(text)s", text=key_message.text)[:200]


@bp.get("/actions/<int:action_id>")
@login_required
@shows_archived
def show(action_id: int):
    action = _action_or_404(action_id)
    return _render_show(action)


def _render_show(action: Action, status_form=None, comment_form=None, code=200):
    log = db.session.scalars(services.log_of(action)).all()
    if status_form is None:
        status_form = StatusForm(formdata=None, version=action.version)
    status_form.set_choices(services.next_statuses(action, is_staff(current_user)))
    return render_template(
        "actions/show.html",
        action=action,
        log=log,
        description_html=render_markdown(action.description),
        status_form=status_form,
        comment_form=comment_form or CommentForm(formdata=None),
        button_form=ButtonForm(),
    ), code


@bp.post("/actions/<int:action_id>/publish")
@login_required
def publish(action_id: int):
    return _publication_step(
        action_id,
        services.publish_action,
        _("Governments now read this action as it stands."),
    )


@bp.post("/actions/<int:action_id>/withdraw")
@login_required
def withdraw(action_id: int):
    return _publication_step(
        action_id, services.withdraw_action, _("The action is civil society only again.")
    )


def _publication_step(action_id: int, step, message: str):
    action = _action_or_404(action_id)
    require("publish", action)
    require_button()
    step(action, current_user)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("actions.show", action_id=action.id))


@bp.route("/actions/<int:action_id>/edit", methods=["GET", "POST"])
@login_required
def edit(action_id: int):
    action = _action_or_404(action_id)
    require("assign_action", action)
    acts, owners, organizations, milestones = _choices()
    form = ActionForm(obj=action) if request.method == "GET" else ActionForm()
    form.set_choices(acts, owners, organizations, milestones)
    describe_share(form.share, action)
    if request.method == "GET":
        form.owner_id.data = action.owner_id or NOBODY
        form.organization_id.data = action.organization_id or NOBODY
        form.milestone_id.data = action.milestone_id or NOBODY
    if form.validate_on_submit():
        fields = _fields(form, acts, owners, organizations, milestones)
        try:
            changed = services.edit_action(
                action, fields, form.version.data, current_user, share=bool(form.share.data)
            )
        except EditConflictError:
            return _edit_conflict(action, form)
        if changed:
            flash(_("Action saved."), "success")
        elif not form.share.data:
            flash(_("Nothing changed."), "info")
        if form.share.data:
            flash(_("Governments now read this action as it stands."), "success")
        return redirect(url_for("actions.show", action_id=action.id))
    status = 422 if form.is_submitted() else 200
    return render_template("actions/form.html", form=form, action=action), status


def _edit_conflict(action: Action, form: ActionForm):
    """409: what the other person saved beside what this one typed, the form kept."""
    db.session.refresh(action)
    theirs = services.ActionFields.of(action).describe()
    acts, owners, organizations, milestones = _choices()
    mine = _fields(form, acts, owners, organizations, milestones).describe()
    conflict = [
        ConflictField(label=label, mine=mine[label], theirs=theirs[label])
        for label in theirs
        if mine[label] != theirs[label]
    ]
    form.version.data = action.version
    form.set_choices(acts, owners, organizations, milestones)
    return render_template("actions/form.html", form=form, action=action, conflict=conflict), 409


@bp.post("/actions/<int:action_id>/status")
@login_required
def change_status(action_id: int):
    action = _action_or_404(action_id)
    require("update_action", action)
    form = StatusForm()
    if form.status.data == "dropped" or str(action.status) == "dropped":
        require("drop_action", action)
    if not form.validate_on_submit():
        return _render_show(action, status_form=form, code=422)
    try:
        services.change_status(
            action, form.status.data, form.note.data or "", form.version.data, current_user
        )
    except services.TransitionRefusedError:
        return _refused_move(action, form)
    except EditConflictError:
        return _moved_meanwhile(action, form)
    flash(_("Status updated."), "success")
    return redirect(_back_to(form, action))


def _back_to(form: StatusForm, action: Action) -> str:
    """Where a status change returns: the board or My actions it came from, else the action."""
    if form.back.data == "board":
        act = form.back_act.data
        return url_for("actions.board", act=int(act) if act and act.isdigit() else None)
    if form.back.data == "mine":
        return url_for("actions.mine")
    return url_for("actions.show", action_id=action.id)


def _refused_move(action: Action, form: StatusForm):
    """422: the moves this action allows, next to the status field."""
    allowed = services.next_statuses(action, is_staff(current_user))
    form.status.errors.append(
        _(
            "An action that is %(current)s can move to: %(allowed)s.",
            current=services.status_label(action.status),
            allowed=", ".join(services.status_label(s) for s in allowed) or "—",
        )
    )
    return _render_show(action, status_form=form, code=422)


def _moved_meanwhile(action: Action, form: StatusForm):
    """409: someone moved it first; the page shows where it is now."""
    db.session.refresh(action)
    flash(
        _(
            "Someone changed this action while you were looking at it: it is now "
            "%(status)s. Check the log, then try again if you still want to.",
            status=services.status_label(action.status),
        ),
        "warning",
    )
    form.version.data = action.version
    return _render_show(action, status_form=form, code=409)


@bp.post("/actions/<int:action_id>/comments")
@login_required
def comment(action_id: int):
    action = _action_or_404(action_id)
    require("comment_action", action)
    form = CommentForm()
    if not form.validate_on_submit():
        return _render_show(action, comment_form=form, code=422)
    services.add_comment(action, form.body.data, current_user)
    flash(_("Comment added."), "success")
    return redirect(url_for("actions.show", action_id=action.id, _anchor="log"))
