"""Record a position (the form comes back ready for the next one), the positions of a round,
correct, publish or withdraw one."""

from datetime import date
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.core.clock import today
from tracker.core.conflicts import EditConflictError
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, describe_share, require_button
from tracker.core.inputs import int_arg, page_arg
from tracker.positions import bp, services
from tracker.positions.forms import PositionForm
from tracker.records import policy
from tracker.records.acts import acts_in_order
from tracker.records.positions import PositionSource, RoundPosition, Stand
from tracker.records.reader import require
from tracker.records.tables import Government

POSITIONS_PER_PAGE = 50


def _form(form: PositionForm) -> PositionForm:
    rounds = db.session.scalars(services.rounds_in_order()).all()
    acts = db.session.scalars(acts_in_order()).all()
    messages = db.session.scalars(services.active_key_messages()).all()
    parties = db.session.scalars(services.negotiating_parties()).all()
    form.set_choices(rounds, acts, messages, parties)
    if not policy.may(current_user, "publish"):
        del form.share
    return form


def _fields(form: PositionForm) -> services.PositionFields:
    assert form.matched_government is not None
    paragraph = form.matched_paragraph
    return services.PositionFields(
        milestone_id=form.milestone_id.data,
        government_id=form.matched_government.id,
        act_id=form.act_id.data,
        key_message_id=form.key_message_id.data or None,
        paragraph_ref=paragraph.ref if paragraph else "",
        paragraph_id=paragraph.id if paragraph else None,
        stand=Stand(form.stand.data),
        amendment=(form.amendment.data or "").strip(),
        source=PositionSource(form.source.data),
        stated_on=form.stated_on.data,
        note=(form.note.data or "").strip(),
    )


def _prefill(form: PositionForm) -> None:
    """What the last entry kept: the round, ACT, paragraph, message, source and day."""
    current = services.current_round(list(form.rounds), today())
    form.milestone_id.data = int_arg("round") or (current.id if current else None)
    form.act_id.data = int_arg("act") or form.act_id.data
    form.paragraph_ref.data = request.args.get("paragraph", "")[:60]
    form.key_message_id.data = int_arg("message") or 0
    if request.args.get("source") in set(PositionSource):
        form.source.data = request.args["source"]
    try:
        form.stated_on.data = date.fromisoformat(request.args.get("on", ""))
    except ValueError:
        form.stated_on.data = today()


@bp.route("/positions/new", methods=["GET", "POST"])
@login_required
def new():
    require("record_position")
    form = _form(PositionForm())
    if request.method == "GET":
        _prefill(form)
    if not form.validate_on_submit():
        return _entry_page(form), 422 if request.method == "POST" else 200
    share = bool(form.share.data) if "share" in form else False
    position = services.record_position(current_user, _fields(form), share=share)
    flash(_("Recorded: %(position)s.", position=services.describe(position)), "success")
    kept: dict[str, Any] = {
        "round": position.milestone_id,
        "act": position.act_id,
        "paragraph": position.paragraph_ref or None,
        "message": position.key_message_id,
        "source": str(position.source),
        "on": position.stated_on.isoformat(),
    }
    return redirect(url_for("positions.new", **kept) + "#entry")


def _entry_page(form: PositionForm):
    # Only a round of the list: the field may hold any number typed into the request.
    chosen = next((m.id for m in form.rounds if m.id == form.milestone_id.data), None)
    recent = db.session.scalars(services.recent_in_round(chosen or 0)).all()
    return render_template("positions/new.html", form=form, parties=form.parties, recent=recent)


@bp.get("/positions")
@login_required
def index():
    chosen = services.PositionFilter(
        milestone_id=int_arg("round") or None,
        act_id=int_arg("act") or None,
        government_id=int_arg("government") or None,
    )
    rounds = db.session.scalars(services.rounds_in_order()).all()
    acts = db.session.scalars(acts_in_order()).all()
    page = db.paginate(
        services.positions_list(chosen),
        page=page_arg(),
        per_page=POSITIONS_PER_PAGE,
        error_out=False,
    )
    government = db.session.get(Government, chosen.government_id or 0)
    return render_template(
        "positions/index.html",
        government=government,
        page=page,
        chosen=chosen,
        rounds=rounds,
        acts=acts,
        button_form=ButtonForm(),
    )


def _load(position_id: int) -> RoundPosition:
    return db.first_or_404(services.position_with_details(position_id))


@bp.route("/positions/<int:position_id>/edit", methods=["GET", "POST"])
@login_required
def edit(position_id: int):
    position = _load(position_id)
    require("record_position", position)
    form = _form(PositionForm.of(position) if request.method == "GET" else PositionForm())
    if "share" in form:
        describe_share(form.share, position)
    context = {"form": form, "position": position, "parties": form.parties}
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("positions/edit.html", **context), status
    share = bool(form.share.data) if "share" in form else False
    try:
        services.update_position(position, _fields(form), form.version.data, current_user, share)
    except EditConflictError as conflict:
        form.version.data = position.version
        return render_template("positions/edit.html", conflict=conflict, **context), 409
    flash(_("The position is saved."), "success")
    return redirect(url_for("positions.index", round=position.milestone_id))


@bp.post("/positions/<int:position_id>/publish")
@login_required
def publish(position_id: int):
    return _publication(position_id, services.publish_position, _("Governments now read it."))


@bp.post("/positions/<int:position_id>/withdraw")
@login_required
def withdraw(position_id: int):
    message = _("The position is now civil-society only.")
    return _publication(position_id, services.withdraw_position, message)


def _publication(position_id: int, step, message: str):
    position = _load(position_id)
    require("publish", position)
    require_button()
    step(position, current_user)
    flash(message, "success")
    return redirect(url_for("positions.index", round=position.milestone_id))
