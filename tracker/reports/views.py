"""Rapporteurs' reports: assign, write, review, publish; key messages: order, merge, publish."""

from types import SimpleNamespace

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.core.conflicts import EditConflictError
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, require_button
from tracker.core.labels import REPORT_STATUSES
from tracker.records import policy
from tracker.records.accounts import User
from tracker.records.agenda import MeetingSession
from tracker.records.reader import require, shows_archived
from tracker.records.reports import Report, ReportStatus
from tracker.reports import bp, editing, services
from tracker.reports import messages as key_messages
from tracker.reports.forms import (
    AcceptForm,
    AssignRapporteurForm,
    OrderForm,
    ReassignForm,
    RecallForm,
    ReopenForm,
    ReportForm,
    ReturnForm,
    StepForm,
    SubmitReportForm,
)
from tracker.text.markdown import render_markdown

CONTENT_LABELS = {
    "summary": _l("Summary"),
    "priorities": _l("Top priorities"),
    "key_messages": _l("Key messages"),
    "divergence": _l("Points of divergence"),
    "strategy_notes": _l("Strategy notes"),
}

STEP_FORMS: dict[str, type[StepForm] | type[ReturnForm]] = {
    "submit": SubmitReportForm,
    "return": ReturnForm,
    "accept": AcceptForm,
    "reopen": ReopenForm,
    "recall": RecallForm,
}

STEP_DONE = {
    "submit": _l("The report is submitted for review."),
    "return": _l("The report is returned to the rapporteur with your comment."),
    "accept": _l("The report is accepted. It is frozen until a coordinator reopens it."),
    "reopen": _l("The report is reopened: the rapporteur can revise it."),
    "recall": _l("Your submission is withdrawn: the report is a draft again."),
}


# Assigning a rapporteur -------------------------------------------------------------------


def _candidates() -> list[User]:
    return list(db.session.scalars(services.rapporteur_candidates()).all())


@bp.post("/sessions/<int:session_id>/reports")
@login_required
def assign(session_id: int):
    session = db.first_or_404(
        select(MeetingSession)
        .where(MeetingSession.id == session_id)
        .options(selectinload(MeetingSession.acts))
    )
    require("assign_rapporteur")
    section = services.for_session(session)
    if section.session.kind != "group_session":
        abort(400)
    form = AssignRapporteurForm(prefix="assign")
    candidates = _candidates()
    form.set_choices(section.acts_without_report, candidates)
    if not form.validate_on_submit():
        return render_template("reports/assign.html", session=session, form=form), 422
    act = next(a for a in section.acts_without_report if a.id == form.act_id.data)
    rapporteur = next(u for u in candidates if u.id == form.rapporteur_id.data)
    try:
        report = services.assign_rapporteur(session, act, rapporteur, current_user)
    except services.ReportExistsError:
        flash(_("This ACT already has a report in this session."), "warning")
        return render_template("reports/assign.html", session=session, form=form), 409
    flash(
        _("%(name)s is the rapporteur for %(act)s.", name=rapporteur.name, act=act.label),
        "success",
    )
    return redirect(url_for("reports.show", report_id=report.id))


@bp.post("/reports/<int:report_id>/rapporteur")
@login_required
def reassign(report_id: int):
    report = db.first_or_404(services.report_alone(report_id))
    require("assign_rapporteur", report)
    form = ReassignForm(prefix="reassign")
    candidates = _candidates()
    form.set_choices(candidates)
    if not form.validate_on_submit():
        return _render_report(report_id, 422, reassign_form=form)
    rapporteur = next(u for u in candidates if u.id == form.rapporteur_id.data)
    services.reassign_rapporteur(report, rapporteur, current_user, form.comment.data or "")
    flash(_("%(name)s is now the rapporteur.", name=rapporteur.name), "success")
    return redirect(url_for("reports.show", report_id=report_id))


# The report page ---------------------------------------------------------------------------


def _render_report(report_id: int, status: int = 200, **forms):
    report = db.first_or_404(services.report_with_everything(report_id))
    context = {
        "report": report,
        "button_form": ButtonForm(),
        "render_markdown": render_markdown,
        "format_datetime": format_datetime,
    }
    for name, form_class in STEP_FORMS.items():
        verb = services.STEPS[name].verb
        key = f"{name}_form"
        if key in forms:
            context[key] = forms[key]
        elif policy.may(current_user, verb, report):
            context[key] = form_class(prefix=name, formdata=None)
    if policy.may(current_user, "assign_rapporteur", report):
        reassign_form = forms.get("reassign_form") or ReassignForm(prefix="reassign", formdata=None)
        reassign_form.set_choices(_candidates())
        if reassign_form.rapporteur_id.data is None:
            reassign_form.rapporteur_id.data = report.rapporteur_id
        context["reassign_form"] = reassign_form
    ids = [message.id for message in report.key_messages]
    context["moves"] = {
        message_id: {
            "up": key_messages.moved(ids, index, -1) if index > 0 else None,
            "down": key_messages.moved(ids, index, 1) if index < len(ids) - 1 else None,
        }
        for index, message_id in enumerate(ids)
    }
    return render_template("reports/show.html", **context), status


@bp.get("/reports/<int:report_id>")
@login_required
@shows_archived
def show(report_id: int):
    return _render_report(report_id)


# Editing ---------------------------------------------------------------------------------


def _content(form: ReportForm) -> editing.ReportContent:
    return editing.ReportContent(
        summary=form.summary.data or "",
        priorities=form.priorities.data or "",
        key_messages=form.key_messages.data or "",
        divergence=form.divergence.data or "",
        strategy_notes=form.strategy_notes.data or "",
    )


@bp.route("/reports/<int:report_id>/edit", methods=["GET", "POST"])
@login_required
def edit(report_id: int):
    report = db.first_or_404(services.report_for_edit(report_id))
    require("edit_report", report)
    if request.method == "GET":
        saved = editing.ReportContent.of(report)
        form = ReportForm(formdata=None, data={**vars(saved), "version": report.version})
        return _edit_page(report, form)
    form = ReportForm()
    if not form.validate_on_submit():
        return _edit_page(report, form, 422)
    mine = _content(form)
    try:
        editing.save_report(report, form.version.data, mine, current_user)
    except EditConflictError:
        return _edit_conflict(report_id, form, mine)
    except editing.MessagesInUseError as in_use:
        numbers = ", ".join(f"#{message.id}" for message in in_use.messages)
        form.key_messages.errors.append(
            _(
                "Key messages %(numbers)s are shared with governments, were discussed with "
                "them or have duplicates merged into them: keep their lines (edit the text "
                "if needed).",
                numbers=numbers,
            )
        )
        return _edit_page(report, form, 422)
    flash(_("The report is saved."), "success")
    return redirect(url_for("reports.show", report_id=report_id))


def _edit_page(report: Report, form: ReportForm, status: int = 200, **context):
    returned = services.return_comment(report)
    return render_template(
        "reports/edit.html", report=report, form=form, returned=returned, **context
    ), status


def _edit_conflict(report_id: int, form: ReportForm, mine: editing.ReportContent):
    """409: the newer saved text beside the user's, their text kept in the form."""
    db.session.rollback()
    db.session.expire_all()
    report = db.first_or_404(services.report_for_edit(report_id))
    theirs = editing.ReportContent.of(report)
    form.version.data = str(report.version)
    fields = editing.conflict_fields(mine, theirs, CONTENT_LABELS)
    return _edit_page(report, form, 409, conflict_fields=fields)


# The review workflow -----------------------------------------------------------------------


def _allowed_in_a_right_state(verb: str, report: Report, sources) -> bool:
    """Would the policy allow this user the step, had the report been in a state for it?"""
    for status in sources:
        probe = SimpleNamespace(
            rapporteur_id=report.rapporteur_id,
            status=status,
            is_editable=status in (ReportStatus.DRAFT, ReportStatus.RETURNED),
        )
        if policy.may(current_user, verb, probe):
            return True
    return False


def _wrong_state(report: Report):
    flash(
        _(
            "This report is now “%(status)s”: that step is not possible in this state.",
            status=REPORT_STATUSES[report.status],
        ),
        "warning",
    )
    return _render_report(report.id, 409)


def _step(report_id: int, name: str):
    report = db.first_or_404(services.report_alone(report_id))
    step = services.STEPS[name]
    if not policy.may(current_user, step.verb, report):
        if report.status not in step.sources and _allowed_in_a_right_state(
            step.verb, report, step.sources
        ):
            return _wrong_state(report)
        abort(403)
    form = STEP_FORMS[name](prefix=name)
    if not form.validate_on_submit():
        return _render_report(report_id, 422, **{f"{name}_form": form})
    try:
        services.advance(report, name, current_user, form.comment.data or "")
    except (services.WrongStateError, EditConflictError):
        db.session.rollback()
        return _wrong_state(db.first_or_404(services.report_alone(report_id)))
    flash(str(STEP_DONE[name]), "success")
    return redirect(url_for("reports.show", report_id=report_id))


@bp.post("/reports/<int:report_id>/submit")
@login_required
def submit(report_id: int):
    return _step(report_id, "submit")


@bp.post("/reports/<int:report_id>/return")
@login_required
def return_(report_id: int):
    return _step(report_id, "return")


@bp.post("/reports/<int:report_id>/accept")
@login_required
def accept(report_id: int):
    return _step(report_id, "accept")


@bp.post("/reports/<int:report_id>/reopen")
@login_required
def reopen(report_id: int):
    return _step(report_id, "reopen")


@bp.post("/reports/<int:report_id>/recall")
@login_required
def recall(report_id: int):
    return _step(report_id, "recall")


# Publishing ------------------------------------------------------------------------------


@bp.post("/reports/<int:report_id>/publish")
@login_required
def publish(report_id: int):
    report = db.first_or_404(services.report_for_edit(report_id))
    require("publish", report)
    require_button()
    try:
        services.publish_report(report, current_user)
    except services.WrongStateError:
        flash(_("Only an accepted report can be published to governments."), "warning")
        return _render_report(report_id, 409)
    flash(_("The report and its key messages are shared with governments."), "success")
    return redirect(url_for("reports.show", report_id=report_id))


@bp.post("/reports/<int:report_id>/withdraw")
@login_required
def withdraw(report_id: int):
    report = db.first_or_404(services.report_for_edit(report_id))
    require("publish", report)
    require_button()
    services.withdraw_report(report, current_user)
    flash(_("The report and its key messages are civil society only again."), "success")
    return redirect(url_for("reports.show", report_id=report_id))


# Key messages ------------------------------------------------------------------------------


@bp.post("/reports/<int:report_id>/messages/order")
@login_required
def order_messages(report_id: int):
    report = db.first_or_404(services.report_for_edit(report_id))
    require("order_key_messages", report)
    form = OrderForm()
    ids = key_messages.parse_order(form.order.data) if form.validate_on_submit() else None
    try:
        if ids is None:
            raise ValueError
        key_messages.order_key_messages(report, ids)
    except (ValueError, EditConflictError):
        db.session.rollback()
        flash(_("The key messages changed meanwhile: check their order and try again."), "warning")
        return _render_report(report_id, 409 if ids is not None else 400)
    flash(_("The key messages are reordered."), "success")
    return redirect(url_for("reports.show", report_id=report_id, _anchor="h-messages"))
