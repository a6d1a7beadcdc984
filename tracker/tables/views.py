"""Small-table outcomes: record, edit, publish or withdraw, stances, and the outcome page."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.core.conflicts import EditConflictError
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, describe_share, require_button
from tracker.core.inputs import int_arg
from tracker.records import policy
from tracker.records.actions import linked_to_outcome
from tracker.records.agenda import session_with_details
from tracker.records.reader import require, shows_archived
from tracker.records.tables import Government, TableOutcome
from tracker.tables import bp, grids, services
from tracker.tables.forms import (
    EditOutcomeForm,
    NewOutcomeForm,
    OutcomeForm,
    stance_grid_form_class,
)


def _load_outcome(outcome_id: int) -> TableOutcome:
    return db.first_or_404(services.outcome_with_details(outcome_id))


def _fields(form: OutcomeForm) -> services.OutcomeFields:
    return services.OutcomeFields(
        government_ids=form.governments.data or [],
        agency_ids=form.agencies.data or [],
        civil_society_participants=(form.civil_society_participants.data or "").strip(),
        summary=form.summary.data or "",
        commitments=form.commitments.data or "",
        follow_ups=form.follow_ups.data or "",
        chatham_house=bool(form.chatham_house.data),
    )


def _governments_choices() -> tuple[list[Government], list[Government]]:
    return services.split_by_kind(db.session.scalars(services.governments_in_order()).all())


# ---------------------------------------------------------------------------------------------
# Record and edit


@bp.route("/sessions/<int:session_id>/outcome/new", methods=["GET", "POST"])
@login_required
def new_outcome(session_id: int):
    session = db.first_or_404(session_with_details(session_id))
    if not services.is_small_table(session):
        abort(404)
    require("record_table_outcome")
    form = NewOutcomeForm(session_id=session.id)
    form.set_choices(*_governments_choices(), acts=session.acts)
    if request.method == "GET" and int_arg("act"):
        form.act_id.data = int_arg("act")
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("tables/edit.html", form=form, session=session, outcome=None), status
    act = next(act for act in session.acts if act.id == form.act_id.data)
    outcome = services.record_outcome(
        session, act, current_user, _fields(form), share=bool(form.share.data)
    )
    flash(
        _("The outcome of the small table on ACT %(number)d is recorded.", number=act.number),
        "success",
    )
    return redirect(url_for("tables.show_outcome", outcome_id=outcome.id))


@bp.route("/outcomes/<int:outcome_id>/edit", methods=["GET", "POST"])
@login_required
def edit_outcome(outcome_id: int):
    outcome = _load_outcome(outcome_id)
    require("record_table_outcome", outcome)
    form = EditOutcomeForm.of(outcome) if request.method == "GET" else EditOutcomeForm()
    form.set_choices(*_governments_choices())
    describe_share(form.share, outcome)
    context = {"form": form, "session": outcome.session, "outcome": outcome}
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("tables/edit.html", **context), status
    try:
        services.update_outcome(
            outcome,
            _fields(form),
            form.version.data,
            current_user,
            share=bool(form.share.data) and policy.may(current_user, "publish", outcome),
        )
    except EditConflictError as conflict:
        form.set_version(outcome.version)
        return render_template("tables/edit.html", conflict=conflict, **context), 409
    flash(_("The outcome is saved."), "success")
    return redirect(url_for("tables.show_outcome", outcome_id=outcome.id))


@bp.post("/outcomes/<int:outcome_id>/publish")
@login_required
def publish_outcome(outcome_id: int):
    return _publication_step(
        outcome_id,
        services.publish_outcome,
        _("Governments now read this outcome as it stands."),
    )


@bp.post("/outcomes/<int:outcome_id>/withdraw")
@login_required
def withdraw_outcome(outcome_id: int):
    return _publication_step(
        outcome_id, services.withdraw_outcome, _("The outcome is now civil-society only.")
    )


def _publication_step(outcome_id: int, step, message: str):
    outcome = _load_outcome(outcome_id)
    require("publish", outcome)
    require_button()
    step(outcome, current_user)
    flash(message, "success")
    return redirect(url_for("tables.show_outcome", outcome_id=outcome_id))


# ---------------------------------------------------------------------------------------------
# Stances


@bp.route("/outcomes/<int:outcome_id>/stances", methods=["GET", "POST"])
@login_required
def stances(outcome_id: int):
    outcome = _load_outcome(outcome_id)
    require("record_table_outcome", outcome)
    governments, _agencies = services.split_by_kind(outcome.governments)
    messages = db.session.scalars(services.active_key_messages(outcome.act_id)).all()
    form_class = stance_grid_form_class(governments, messages)
    form = form_class.of(outcome) if request.method == "GET" else form_class()
    context = {"form": form, "outcome": outcome, "governments": governments, "messages": messages}
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("tables/stances.html", **context), status
    names = {g.id: g.display_name for g in governments}
    numbers = {m.id: number for number, m in enumerate(messages, start=1)}
    try:
        services.save_stances(
            outcome,
            form.cells(governments, messages),
            form.version.data,
            describe=lambda c: services.describe_stances(c, names, numbers),
        )
    except EditConflictError as conflict:
        form.set_version(outcome.version)
        return render_template("tables/stances.html", conflict=conflict, **context), 409
    flash(_("The stances are saved."), "success")
    return redirect(url_for("tables.show_outcome", outcome_id=outcome.id))


# ---------------------------------------------------------------------------------------------
# Read


@bp.get("/outcomes/<int:outcome_id>")
@login_required
@shows_archived
def show_outcome(outcome_id: int):
    outcome = _load_outcome(outcome_id)
    messages = db.session.scalars(services.messages_with_stances(outcome)).all()
    grid = grids.stance_grid(outcome, list(messages), current_user)
    return render_template(
        "tables/outcome.html",
        outcome=outcome,
        grid=grid,
        counts=grids.counts(outcome),
        button_form=ButtonForm(),
        linked_actions=db.session.scalars(linked_to_outcome(outcome.id)).all(),
        new_action_url=url_for("actions.new", outcome=outcome.id),
    )
