"""The agenda, day by day, and one page per session."""

from flask import Response, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from tracker.agenda import bp, services
from tracker.agenda.calendar import agenda_calendar
from tracker.agenda.editing import room_conflicts
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm
from tracker.core.inputs import int_arg
from tracker.records.agenda import Meeting, meetings_in_order
from tracker.records.policy import may
from tracker.records.reader import shows_archived


@bp.get("/agenda")
@login_required
def index():
    meeting = db.session.scalars(meetings_in_order().limit(1)).first()
    if meeting is None:
        if may(current_user, "manage_agenda"):
            return redirect(url_for("agenda.new_meeting"))
        abort(404)
    return _render_agenda(meeting)


@bp.get("/meetings/<slug>")
@login_required
@shows_archived
def meeting(slug: str):
    return _render_agenda(db.first_or_404(db.select(Meeting).where(Meeting.slug == slug)))


@bp.get("/meetings/<slug>/agenda.ics")
@login_required
def ical(slug: str):
    """The agenda for a calendar app; observers get the sessions they may see."""
    meeting = db.first_or_404(db.select(Meeting).where(Meeting.slug == slug))
    sessions = db.session.scalars(services.agenda_of(meeting)).all()
    body = agenda_calendar(meeting, list(sessions), request.host.split(":")[0])
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{meeting.slug}.ics"'},
    )


def _render_agenda(meeting: Meeting):
    sessions = db.session.scalars(services.agenda_of(meeting)).all()
    meetings = db.session.scalars(meetings_in_order()).all()
    days = [
        (number, day, items) for number, (day, items) in enumerate(services.by_day(sessions), 1)
    ]
    current = None
    if len(sessions) > services.ONE_PAGE_ITEMS:
        current = int_arg("day", 1)
        if not 1 <= current <= len(days):
            abort(404)
    return render_template(
        "agenda/index.html",
        meeting=meeting,
        meetings=meetings,
        days=[entry for entry in days if current in (None, entry[0])],
        day_tabs=[(number, day) for number, day, _items in days] if current else [],
        current_day=current,
        records=services.records_by_session(meeting),
        conflicts=room_conflicts(sessions),
        button_form=ButtonForm(),
    )
