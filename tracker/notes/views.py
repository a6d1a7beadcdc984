"""Group-session notes: write, read, edit (with conflicts), history, compare, restore."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.core.conflicts import ConflictField, EditConflictError
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, describe_share, require_button
from tracker.core.inputs import int_arg, page_arg
from tracker.notes import bp, services
from tracker.notes.forms import EditNoteForm, NewNoteForm, RestoreForm
from tracker.records import policy
from tracker.records.notes import Note
from tracker.records.reader import require, shows_archived
from tracker.text.markdown import render_markdown


def _note_or_404(note_id: int) -> Note:
    # Observers only ever load shared notes: the reader's filter hides the rest (404).
    return db.first_or_404(services.note_page(note_id))


def _offer_share(form, note: Note | None = None) -> None:
    """Coordinators may share a note as they save it; others do not see the choice."""
    if policy.may(current_user, "publish", note):
        describe_share(form.share, note)
    else:
        del form.share


def _share(form) -> bool:
    return "share" in form and bool(form.share.data)


@bp.route("/sessions/<int:session_id>/notes/new", methods=["GET", "POST"])
@login_required
def new(session_id: int):
    item = db.first_or_404(services.session_for_new_note(session_id))
    require("write_note")
    form = NewNoteForm()
    form.set_acts(item.acts)
    _offer_share(form)
    if request.method == "GET":
        form.act_id.data = int_arg("act")
    if form.validate_on_submit():
        act = next((act for act in item.acts if act.id == form.act_id.data), None)
        note = services.create_note(
            item, act, form.title.data, form.body.data, current_user, share=_share(form)
        )
        flash(_("Note saved."), "success")
        return redirect(url_for("notes.show", note_id=note.id))
    status = 422 if form.is_submitted() else 200
    return render_template("notes/new.html", item=item, form=form), status


@bp.get("/notes/<int:note_id>")
@login_required
@shows_archived
def show(note_id: int):
    note = _note_or_404(note_id)
    return render_template(
        "notes/show.html",
        note=note,
        body_html=render_markdown(note.body),
        button_form=ButtonForm(),
    )


@bp.post("/notes/<int:note_id>/publish")
@login_required
def publish(note_id: int):
    return _publication_step(
        note_id, services.publish_note, _("Governments now read this note as it stands.")
    )


@bp.post("/notes/<int:note_id>/withdraw")
@login_required
def withdraw(note_id: int):
    return _publication_step(
        note_id, services.withdraw_note, _("The note is civil society only again.")
    )


def _publication_step(note_id: int, step, message: str):
    note = _note_or_404(note_id)
    require("publish", note)
    require_button()
    step(note, current_user)
    flash(message, "success")
    return redirect(url_for("notes.show", note_id=note.id))


@bp.route("/notes/<int:note_id>/edit", methods=["GET", "POST"])
@login_required
def edit(note_id: int):
    note = _note_or_404(note_id)
    require("write_note", note)
    # Only a GET fills the form from the note: a POST without its version is a conflict.
    form = EditNoteForm(obj=note) if request.method == "GET" else EditNoteForm()
    _offer_share(form, note)
    if form.validate_on_submit():
        try:
            revision = services.save_note(
                note,
                form.title.data,
                form.body.data,
                form.version.data,
                current_user,
                share=_share(form),
            )
        except EditConflictError:
            return _conflict(note, form.title.data, form.body.data)
        if revision is None:
            flash(_("Nothing changed: the note was already saved with this text."), "info")
        else:
            flash(_("Note saved (revision %(number)d).", number=revision.number), "success")
        return redirect(url_for("notes.show", note_id=note.id))
    status = 422 if form.is_submitted() else 200
    return render_template("notes/edit.html", note=note, form=form), status


def _conflict(note: Note, title: str, body: str):
    """409: the newer saved text beside the user's, and the user's text in the form again,
    now at the current version, so that saving after merging goes through."""
    fields = []
    if title != note.title:
        fields.append(ConflictField(label=_("Title"), mine=title, theirs=note.title))
    if body != note.body:
        fields.append(ConflictField(label=_("Note"), mine=body, theirs=note.body))
    form = EditNoteForm(formdata=None, version=note.version, title=title, body=body)
    _offer_share(form, note)
    return render_template(
        "notes/edit.html",
        note=note,
        form=form,
        conflict=fields,
        saved_by=note.updated_by.name if note.updated_by else None,
    ), 409


@bp.get("/notes/<int:note_id>/history")
@login_required
def history(note_id: int):
    note = _note_or_404(note_id)
    require("see_civil_society")  # governments read the published version only
    page = services.history_of(note, page_arg())
    old_number = int_arg("from")
    new_number = int_arg("to")
    comparison = None
    if old_number is not None and new_number is not None:
        comparison = services.compare(note, old_number, new_number)
        if comparison is None:
            abort(404)
    return render_template(
        "notes/history.html",
        note=note,
        history=page,
        comparison=comparison,
        old_number=old_number,
        new_number=new_number,
    )


@bp.get("/notes/<int:note_id>/revisions/<int:number>")
@login_required
def revision(note_id: int, number: int):
    note = _note_or_404(note_id)
    require("see_civil_society")
    old = db.first_or_404(services.revision_of(note, number))
    return render_template(
        "notes/revision.html",
        note=note,
        revision=old,
        body_html=render_markdown(old.body),
        restore_form=RestoreForm(formdata=None, version=note.version),
    )


@bp.post("/notes/<int:note_id>/revisions/<int:number>/restore")
@login_required
def restore(note_id: int, number: int):
    note = _note_or_404(note_id)
    require("write_note", note)
    old = db.first_or_404(services.revision_of(note, number))
    form = RestoreForm()
    if not form.validate_on_submit():
        abort(400)
    title, body = old.title, old.body
    try:
        restored = services.restore_revision(note, old, form.version.data, current_user)
    except EditConflictError:
        return _conflict(note, title, body)
    if restored is None:
        flash(_("This version is already the current text of the note."), "info")
    else:
        flash(
            _(
                "Revision %(old)d is restored as revision %(number)d.",
                old=number,
                number=restored.number,
            ),
            "success",
        )
    return redirect(url_for("notes.show", note_id=note.id))
