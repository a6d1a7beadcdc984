"""Translating reference data: one page per ACT, milestone, meeting and agenda item."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import Select

from tracker.core.extensions import db
from tracker.records.reader import require
from tracker.reference import bp, services
from tracker.reference.forms import FIELD_NAMES, fill, translations_form


def _translate(kind: services.Kind, query: Select, back: str):
    require("manage_agenda")
    record = db.first_or_404(query)
    form = translations_form(kind.fields)()
    status = 200
    if request.method == "GET":
        fill(form, record, kind.fields)
    elif not form.validate_on_submit():
        status = 422
    else:
        try:
            services.save(record, kind, form)
        except services.TranslationsChangedError:
            db.session.rollback()
            fill(form, record, kind.fields)
            flash(
                _(
                    "Someone saved these translations while you were editing: here is what "
                    "they saved. Make your changes again."
                ),
                "warning",
            )
            status = 409
        else:
            flash(_("Translations saved."), "success")
            return redirect(back)
    page = render_template(
        "reference/translations.html",
        kind=kind,
        kind_fields=FIELD_NAMES,
        record=record,
        form=form,
        back=back,
    )
    return page, status


@bp.route("/acts/<int:number>/translations", methods=["GET", "POST"])
@login_required
def act(number: int):
    back = url_for("thread.act", number=number)
    return _translate(services.ACT, services.act_by_number(number), back)


@bp.route("/milestones/<int:milestone_id>/translations", methods=["GET", "POST"])
@login_required
def milestone(milestone_id: int):
    query = services.milestone_by_id(milestone_id)
    return _translate(services.MILESTONE, query, url_for("thread.dashboard"))


@bp.route("/meetings/<slug>/translations", methods=["GET", "POST"])
@login_required
def meeting(slug: str):
    back = url_for("agenda.meeting", slug=slug)
    return _translate(services.MEETING, services.meeting_by_slug(slug), back)


@bp.route("/sessions/<int:session_id>/translations", methods=["GET", "POST"])
@login_required
def session(session_id: int):
    back = url_for("thread.session", session_id=session_id)
    return _translate(services.SESSION, services.session_by_id(session_id), back)
