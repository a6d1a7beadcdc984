"""Coordinators set up meetings and their agenda (views; the rules are in editing.py)."""

from datetime import date, timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_time
from flask_babel import gettext as _
from flask_login import login_required

from tracker.agenda import bp, editing, services
from tracker.agenda.forms import ItemForm, MeetingForm, RescheduleForm
from tracker.agenda.lines import parse_speakers, speakers_text
from tracker.core.conflicts import ConflictField, EditConflictError, form_conflicts
from tracker.core.extensions import db
from tracker.core.forms import require_button
from tracker.records.acts import acts_in_order
from tracker.records.agenda import Meeting, MeetingSession, session_with_details
from tracker.records.reader import require

MEETING_FIELDS = [
    "title",
    "city",
    "country",
    "timezone",
    "starts_on",
    "ends_on",
    "languages",
    "audience",
    "summary",
]


def _meeting_or_404(slug: str) -> Meeting:
    return db.first_or_404(db.select(Meeting).where(Meeting.slug == slug))


def _item_or_404(session_id: int) -> MeetingSession:
    return db.first_or_404(session_with_details(session_id))


def _meeting_fields(form: MeetingForm) -> editing.MeetingFields:
    return editing.MeetingFields(
        title=form.title.data.strip(),
        city=(form.city.data or "").strip(),
        country=(form.country.data or "").strip(),
        timezone=form.timezone.data,
        starts_on=form.starts_on.data,
        ends_on=form.ends_on.data,
        languages=tuple(form.languages.data or ()),
        audience=form.audience.data,
        summary=form.summary.data or "",
    )


@bp.route("/meetings/new", methods=["GET", "POST"])
@login_required
def new_meeting():
    require("manage_agenda")
    form = MeetingForm()
    if form.validate_on_submit():
        meeting = editing.create_meeting(_meeting_fields(form))
        flash(_("Meeting created: now add its agenda."), "success")
        return redirect(url_for("agenda.meeting", slug=meeting.slug))
    status = 422 if form.is_submitted() else 200
    return render_template("agenda/meeting_form.html", form=form, meeting=None), status


@bp.route("/meetings/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit_meeting(slug: str):
    meeting = _meeting_or_404(slug)
    require("manage_agenda", meeting)
    form = MeetingForm(obj=meeting) if request.method == "GET" else MeetingForm()
    status = 422 if form.is_submitted() else 200
    if form.validate_on_submit():
        try:
            editing.edit_meeting(meeting, _meeting_fields(form), form.version.data)
        except editing.AgendaRuleError as error:
            form.ends_on.errors = [str(error)]
        except EditConflictError:
            db.session.rollback()
            db.session.refresh(meeting)
            form.version.data = meeting.version
            conflict = form_conflicts(form, meeting, MEETING_FIELDS)
            return render_template(
                "agenda/meeting_form.html", form=form, meeting=meeting, conflict=conflict
            ), 409
        else:
            flash(_("Meeting saved."), "success")
            return redirect(url_for("agenda.meeting", slug=meeting.slug))
    return render_template("agenda/meeting_form.html", form=form, meeting=meeting), status


def _days(meeting: Meeting) -> list[tuple[str, str]]:
    count = (meeting.ends_on - meeting.starts_on).days + 1
    days = [meeting.starts_on + timedelta(days=n) for n in range(count)]
    return [(day.isoformat(), format_date(day, "full")) for day in days]


def _item_form(meeting: Meeting, item: MeetingSession | None) -> ItemForm:
    form = ItemForm(obj=item) if item is not None and request.method == "GET" else ItemForm()
    form.day.choices = _days(meeting)
    form.acts.choices = [
        (act.number, f"{act.number}. {act.translated('title')}")
        for act in db.session.scalars(acts_in_order())
    ]
    if item is not None and request.method == "GET":
        form.day.data = item.day.isoformat()
        form.acts.data = [act.number for act in item.acts]
        form.speakers.data = speakers_text(item)
    return form


def _item_fields(form: ItemForm) -> editing.ItemFields:
    acts = {act.number: act for act in db.session.scalars(acts_in_order())}
    return editing.ItemFields(
        day=date.fromisoformat(form.day.data),
        start=form.starts_at.data,
        end=form.ends_at.data,
        kind=form.kind.data,
        title=form.title.data.strip(),
        purpose=form.purpose.data or "",
        venue=(form.venue.data or "").strip(),
        audience=form.audience.data,
        languages=tuple(form.languages.data or ()),
        acts=tuple(acts[number] for number in form.acts.data or () if number in acts),
        speakers=parse_speakers(form.speakers.data or ""),
    )


@bp.route("/meetings/<slug>/items/new", methods=["GET", "POST"])
@login_required
def new_item(slug: str):
    meeting = _meeting_or_404(slug)
    require("manage_agenda", meeting)
    form = _item_form(meeting, None)
    if form.validate_on_submit():
        item = editing.create_item(meeting, _item_fields(form))
        _flash_conflicts(meeting, item)
        flash(_("Item added to the agenda."), "success")
        return redirect(url_for("agenda.meeting", slug=meeting.slug, _anchor=f"item-{item.id}"))
    status = 422 if form.is_submitted() else 200
    return render_template("agenda/item_form.html", form=form, meeting=meeting, item=None), status


@bp.route("/sessions/<int:session_id>/edit", methods=["GET", "POST"])
@login_required
def edit_item(session_id: int):
    item = _item_or_404(session_id)
    require("manage_agenda", item)
    form = _item_form(item.meeting, item)
    status = 422 if form.is_submitted() else 200
    if form.validate_on_submit():
        try:
            editing.edit_item(item, _item_fields(form), form.version.data)
        except EditConflictError:
            return _conflict("agenda/item_form.html", form, item, meeting=item.meeting)
        _flash_conflicts(item.meeting, item)
        flash(_("Item saved."), "success")
        return redirect(
            url_for("agenda.meeting", slug=item.meeting.slug, _anchor=f"item-{item.id}")
        )
    return render_template(
        "agenda/item_form.html", form=form, meeting=item.meeting, item=item
    ), status


@bp.route("/sessions/<int:session_id>/reschedule", methods=["GET", "POST"])
@login_required
def reschedule_item(session_id: int):
    item = _item_or_404(session_id)
    require("manage_agenda", item)
    form = RescheduleForm(obj=item) if request.method == "GET" else RescheduleForm()
    form.day.choices = _days(item.meeting)
    if request.method == "GET":
        form.day.data = item.day.isoformat()
    status = 422 if form.is_submitted() else 200
    if form.validate_on_submit():
        day = date.fromisoformat(form.day.data)
        try:
            editing.reschedule(item, day, form.starts_at.data, form.ends_at.data, form.version.data)
        except EditConflictError:
            return _conflict("agenda/reschedule.html", form, item)
        _flash_conflicts(item.meeting, item)
        flash(_("Item moved."), "success")
        return redirect(
            url_for("agenda.meeting", slug=item.meeting.slug, _anchor=f"item-{item.id}")
        )
    return render_template("agenda/reschedule.html", form=form, item=item), status


@bp.post("/sessions/<int:session_id>/move/<any(up, down):direction>")
@login_required
def move_item(session_id: int, direction: str):
    item = _item_or_404(session_id)
    require("manage_agenda", item)
    require_button()
    agenda = db.session.scalars(services.agenda_of(item.meeting)).all()
    try:
        editing.move(item, agenda, up=direction == "up")
    except editing.AgendaRuleError as error:
        db.session.rollback()
        flash(str(error), "warning")
    return redirect(url_for("agenda.meeting", slug=item.meeting.slug, _anchor=f"item-{item.id}"))


def _conflict(template: str, form, item: MeetingSession, **context):
    """409: someone saved the item first; the form keeps what this person typed."""
    db.session.rollback()
    db.session.refresh(item)
    form.version.data = item.version
    theirs = {
        form.day.label.text: format_date(item.day, "medium"),
        form.starts_at.label.text: format_time(item.starts_at, "HH:mm"),
        form.ends_at.label.text: format_time(item.ends_at, "HH:mm"),
    }
    mine = {
        form.day.label.text: form.day.data or "",
        form.starts_at.label.text: form.starts_at.raw_data[0] if form.starts_at.raw_data else "",
        form.ends_at.label.text: form.ends_at.raw_data[0] if form.ends_at.raw_data else "",
    }
    for name in ("title", "purpose", "venue", "speakers"):
        if name in form:
            saved = speakers_text(item) if name == "speakers" else getattr(item, name)
            theirs[form[name].label.text] = saved
            mine[form[name].label.text] = form[name].data or ""
    conflict = [
        ConflictField(label=label, mine=mine[label], theirs=theirs[label])
        for label in theirs
        if mine[label] != theirs[label]
    ]
    return render_template(template, form=form, item=item, conflict=conflict, **context), 409


def _flash_conflicts(meeting: Meeting, item: MeetingSession) -> None:
    agenda = db.session.scalars(services.agenda_of(meeting)).all()
    for other in editing.room_conflicts(agenda).get(item.id, []):
        flash(
            _(
                "“%(title)s” is in the same place at the same time (%(other)s).",
                title=item.title,
                other=other.title,
            ),
            "warning",
        )
