"""An agenda in and out of the workspace: CSV export, import from CSV, XLSX or iCalendar
with a preview first (views; the reading and checking are in importing.py)."""

import base64
import binascii

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from tracker.agenda import bp, importing, services
from tracker.agenda.exporting import agenda_csv
from tracker.agenda.forms import ConfirmImportForm, ImportForm
from tracker.core.extensions import db
from tracker.core.spreadsheets import LineError, read_upload
from tracker.records.agenda import Meeting
from tracker.records.reader import require


def _meeting_or_404(slug: str) -> Meeting:
    return db.first_or_404(db.select(Meeting).where(Meeting.slug == slug))


@bp.get("/meetings/<slug>/agenda.csv")
@login_required
def export_csv(slug: str):
    """The agenda in the import's header; observers get the items they may see."""
    meeting = _meeting_or_404(slug)
    sessions = db.session.scalars(services.agenda_of(meeting)).all()
    return Response(
        agenda_csv(sessions),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{meeting.slug}-agenda.csv"'},
    )


@bp.route("/meetings/<slug>/import", methods=["GET", "POST"])
@login_required
def import_agenda(slug: str):
    meeting = _meeting_or_404(slug)
    require("manage_agenda", meeting)
    form = ImportForm()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_template("agenda/import.html", form=form, meeting=meeting), status
    filename, content = read_upload(form.file.data, "agenda.csv")
    plan = importing.plan_import(meeting, filename, content)
    if plan.errors:
        return _errors(form, meeting, plan.errors)
    confirm = ConfirmImportForm(
        content=base64.b64encode(content).decode("ascii"), filename=filename
    )
    return render_template(
        "agenda/import.html", form=form, meeting=meeting, plan=plan, confirm=confirm
    )


@bp.post("/meetings/<slug>/import/confirm")
@login_required
def confirm_import(slug: str):
    meeting = _meeting_or_404(slug)
    require("manage_agenda", meeting)
    confirm = ConfirmImportForm()
    form = ImportForm(formdata=None)
    try:
        content = base64.b64decode(confirm.content.data or "", validate=True)
    except (binascii.Error, ValueError):
        content = b""
    if not confirm.validate_on_submit() or not content:
        return _errors(
            form, meeting, [LineError(1, _("The file was lost on the way: choose it again."))]
        )
    plan = importing.plan_import(meeting, confirm.filename.data or "agenda.csv", content)
    if plan.errors:
        return _errors(form, meeting, plan.errors)
    count = importing.apply_import(meeting, plan)
    flash(
        ngettext("%(num)d item imported.", "%(num)d items imported.", count),
        "success",
    )
    return redirect(url_for("agenda.meeting", slug=meeting.slug))


def _errors(form: ImportForm, meeting: Meeting, errors: list[LineError]):
    """422: every error with its line; nothing was saved."""
    db.session.rollback()
    return render_template("agenda/import.html", form=form, meeting=meeting, errors=errors), 422
