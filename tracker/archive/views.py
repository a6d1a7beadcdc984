"""The archive: archive a record (with a reason), the list of what is archived, restore."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.archive import bp, services
from tracker.archive.forms import ArchiveFilterForm, ArchiveForm
from tracker.core.forms import ButtonForm, require_button
from tracker.core.inputs import page_arg
from tracker.records import archiving
from tracker.records.reader import require


@bp.get("/archive")
@login_required
def index():
    require("archive")
    form = ArchiveFilterForm(request.args)
    if not form.validate():
        abort(400)
    kind = form.type.data or None
    page = services.archived_page(kind, page_arg())
    args = {"type": kind} if kind else {}
    return render_template(
        "archive/index.html", form=form, page=page, args=args, button_form=ButtonForm()
    )


def _record_or_404(kind: str, record_id: int):
    record = archiving.find(kind, record_id)
    if record is None:
        abort(404)
    return record


@bp.route("/archive/<kind>/<int:record_id>", methods=["GET", "POST"])
@login_required
def record(kind: str, record_id: int):
    require("archive")
    record = _record_or_404(kind, record_id)
    form = ArchiveForm()
    if not record.is_archived and form.validate_on_submit():
        services.archive(record, current_user, form.reason.data)
        flash(_("Archived. It is listed here and can be restored at any time."), "success")
        return redirect(url_for("archive.index"))
    status = 422 if form.is_submitted() and not record.is_archived else 200
    if form.is_submitted() and record.is_archived:
        status = 409
    return render_template(
        "archive/record.html",
        record=record,
        label=archiving.label(record),
        entry=services.archive_entry(record),
        link=services.page_of_record(record),
        form=form,
        button_form=ButtonForm(),
    ), status


@bp.post("/archive/<kind>/<int:record_id>/restore")
@login_required
def restore(kind: str, record_id: int):
    require("archive")
    require_button()
    record = _record_or_404(kind, record_id)
    try:
        services.restore(record, current_user)
    except archiving.ArchiveError as error:
        flash(str(error), "danger")
        return redirect(url_for("archive.record", kind=kind, record_id=record_id))
    flash(_("Restored, with everything that was archived with it."), "success")
    return redirect(services.page_of_record(record))
