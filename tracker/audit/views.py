"""The activity log page and its CSV export, with the same filters."""

from flask import Response, abort, render_template, request
from flask_login import login_required

from tracker.audit import bp, services
from tracker.audit.forms import ActivityFilterForm
from tracker.core.clock import today
from tracker.core.extensions import db
from tracker.core.inputs import page_arg
from tracker.records.reader import require


def _filters() -> tuple[ActivityFilterForm, services.Filters | None]:
    form = ActivityFilterForm(request.args)
    form.set_people(db.session.scalars(services.people_in_log()).all())
    if not form.validate():
        return form, None
    filters = services.Filters(
        person_id=form.person.data or None,
        record_type=form.type.data or None,
        since=form.since.data,
        until=form.until.data,
    )
    return form, filters


@bp.get("/activity")
@login_required
def index():
    require("audit")
    form, filters = _filters()
    if filters is None:
        return render_template("audit/index.html", form=form, page=None, args={}), 400
    page = db.paginate(
        services.entries(filters), page=page_arg(), per_page=services.PER_PAGE, error_out=False
    )
    return render_template("audit/index.html", form=form, page=page, args=form.url_args())


@bp.get("/activity/export.csv")
@login_required
def export_csv():
    require("audit")
    _form, filters = _filters()
    if filters is None:
        abort(400)
    entries = db.session.scalars(services.entries(filters)).all()
    name = f"activity-{today().isoformat()}.csv"
    return Response(
        "".join(services.csv_rows(entries)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
