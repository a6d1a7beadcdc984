"""Drafts of the negotiated text, their changes, and how key messages are reflected."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from tracker.core.conflicts import ConflictField, EditConflictError
from tracker.core.extensions import db
from tracker.core.inputs import page_arg
from tracker.core.labels import REFLECTION_LEVELS
from tracker.drafts import bp, paragraphs, reflections, services
from tracker.drafts.forms import DraftForm, ProposalForm, ReflectionForm
from tracker.drafts.upload import UploadRefusedError, read_upload
from tracker.records import policy
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft, DraftParagraph, Level, Reflection
from tracker.records.reader import require, shows_archived
from tracker.text.diffing import word_diff

PROPOSALS = 5
PROPOSAL_LEVELS = (Level.STRONG, Level.PARTIAL, Level.WEAK)


# Reading


@bp.get("/drafts")
@login_required
def index():
    require("view_workspace")
    page = db.paginate(
        services.drafts_in_order().options(joinedload(Draft.milestone)),
        page=page_arg(),
        per_page=50,
    )
    counts = services.paragraph_counts(d.id for d in page.items)
    return render_template("drafts/index.html", page=page, counts=counts)


@bp.get("/drafts/<int:draft_id>")
@login_required
@shows_archived
def show(draft_id: int):
    require("view_workspace")
    draft = db.first_or_404(paragraphs.draft_header(draft_id))
    page = paragraphs.draft_page(draft_id, page_arg())
    return render_template(
        "drafts/show.html",
        draft=draft,
        page=page,
        sections=paragraphs.sections(draft_id),
        level_counts=paragraphs.level_counts([p.id for p in page.items]),
    )


@bp.get("/drafts/<int:draft_id>/paragraphs/<int:paragraph_id>")
@login_required
def paragraph(draft_id: int, paragraph_id: int):
    """The key messages reflected in one paragraph: its own page, which the draft page
    links beside the paragraph and loads in place when scripts run."""
    require("view_workspace")
    found = db.first_or_404(paragraphs.paragraph_in_draft(draft_id, paragraph_id))
    page = db.paginate(
        paragraphs.reflections_of(paragraph_id),
        page=page_arg(),
        per_page=paragraphs.REFLECTIONS_PER_PAGE,
        error_out=False,
    )
    return render_template("drafts/paragraph.html", paragraph=found, page=page)


@bp.get("/drafts/<int:draft_id>/changes")
@login_required
def changes(draft_id: int):
    require("view_workspace")
    draft = db.first_or_404(paragraphs.draft_for_changes(draft_id))
    if draft.previous_id is None:
        return render_template("drafts/changes.html", draft=draft, page=None, counts=None)
    return render_template(
        "drafts/changes.html",
        draft=draft,
        page=paragraphs.changes_page(draft, page_arg()),
        counts=paragraphs.change_counts(draft),
        word_diff=word_diff,
    )


# Adding a draft


def _draft_form() -> DraftForm:
    form = DraftForm()
    milestones = db.session.scalars(select(Milestone).order_by(Milestone.starts_on)).all()
    form.set_choices(milestones)
    return form


def _source_text(form: DraftForm) -> tuple[str | None, int]:
    """The draft's text from the upload or the pasted field (one of them), or None with the
    error next to the field; and the status to answer if no draft comes of it."""
    upload = form.upload.data
    pasted = (form.text.data or "").strip()
    if form.has_upload and pasted:
        form.upload.errors.append(_("Paste the text or upload a file, not both."))
    elif form.has_upload:
        try:
            return read_upload(upload.filename, upload.stream), 422
        except UploadRefusedError as refused:
            form.upload.errors.append(str(refused.message))
            return None, refused.status
        finally:
            upload.close()  # a large upload is spooled to a temporary file
    elif pasted:
        return form.text.data, 422
    else:
        form.text.errors.append(_("Paste the text of the draft or upload it as a file."))
    return None, 422


def _add(form: DraftForm, text: str):
    """The new draft, or None with the reason next to the field that holds the text."""
    field = form.upload if form.has_upload else form.text
    try:
        return services.add_draft(
            name=form.name.data.strip(),
            released_on=form.released_on.data,
            text=text,
            milestone_id=form.milestone_id.data or None,
            created_by=current_user,
        )
    except services.EmptyDraftError:
        field.errors.append(_("No paragraph was found in this text."))
    except services.TooManyParagraphsError as too_many:
        field.errors.append(
            ngettext(
                "This text has %(num)d paragraph; a draft may have at most %(most)d.",
                "This text has %(num)d paragraphs; a draft may have at most %(most)d.",
                too_many.args[0],
                most=services.MAX_PARAGRAPHS,
            )
        )
    db.session.rollback()
    return None


@bp.route("/drafts/new", methods=["GET", "POST"])
@login_required
def new():
    require("add_draft")
    form = _draft_form()
    if request.method == "GET":
        return render_template("drafts/new.html", form=form)
    if not form.validate_on_submit():
        return render_template("drafts/new.html", form=form), 422
    text, status = _source_text(form)
    if services.name_taken(form.name.data.strip()):
        form.name.errors.append(_("A draft with this name exists already."))
        text = None
    draft = _add(form, text) if text is not None else None
    if draft is None:
        return render_template("drafts/new.html", form=form), status
    count = services.paragraph_counts([draft.id])[draft.id]  # as the list of drafts counts
    added = ngettext(
        "The draft %(name)s is added: %(num)d paragraph.",
        "The draft %(name)s is added: %(num)d paragraphs.",
        count,
        name=draft.name,
    )
    flash(added, "success")
    return redirect(
        url_for("drafts.changes" if draft.previous_id else "drafts.show", draft_id=draft.id)
    )


# Reflections


def _reflection_page(message_id: int, draft_id: int, form=None, status=200, conflict=None):
    message = db.first_or_404(reflections.key_message_for_reflection(message_id))
    draft = db.first_or_404(select(Draft).where(Draft.id == draft_id))
    reflection = db.session.scalars(reflections.reflection_of(message_id, draft_id)).first()
    drafts = db.session.scalars(services.drafts_in_order()).all()
    may_record = policy.may(current_user, "record_reflection", message)
    proposals = []
    if may_record:
        paragraphs = db.session.scalars(
            select(DraftParagraph)
            .where(DraftParagraph.draft_id == draft_id)
            .order_by(DraftParagraph.position)
        ).all()
        proposals = reflections.propose_paragraphs(message.text, list(paragraphs), PROPOSALS)
        if form is None:
            form = ReflectionForm(formdata=None)
            if reflection is not None:
                form.level.data = reflection.level.value
                form.paragraphs.data = ", ".join(p.ref for p in reflection.paragraphs)
                form.excerpt.data = reflection.excerpt
                form.note.data = reflection.note
                form.version.data = str(reflection.version)
    return render_template(
        "drafts/reflection.html",
        message=message,
        draft=draft,
        drafts=drafts,
        reflection=reflection,
        proposals=proposals,
        proposal_levels=PROPOSAL_LEVELS,
        proposal_form=ProposalForm(formdata=None),
        form=form if may_record else None,
        conflict_fields=conflict,
        word_diff=word_diff,
    ), status


def _paragraphs_by_ref(draft_id: int, refs_text: str) -> tuple[list[DraftParagraph], list[str]]:
    wanted = [ref.strip() for ref in (refs_text or "").split(",") if ref.strip()]
    if not wanted:
        return [], []
    found = {
        p.ref: p
        for p in db.session.scalars(
            select(DraftParagraph).where(
                DraftParagraph.draft_id == draft_id, DraftParagraph.ref.in_(wanted)
            )
        )
    }
    missing = [ref for ref in wanted if ref not in found]
    return [found[ref] for ref in dict.fromkeys(wanted) if ref in found], missing


def _conflict_fields(mine: dict, reflection: Reflection) -> list[ConflictField]:
    theirs = {
        "level": str(REFLECTION_LEVELS[reflection.level]),
        "paragraphs": ", ".join(p.ref for p in reflection.paragraphs),
        "excerpt": reflection.excerpt,
        "note": reflection.note,
    }
    labels = {
        "level": _("Level"),
        "paragraphs": _("Paragraphs"),
        "excerpt": _("Excerpt"),
        "note": _("Note"),
    }
    return [ConflictField(labels[k], mine.get(k, ""), theirs[k]) for k in labels]


@bp.route("/messages/<int:message_id>/reflections/<int:draft_id>", methods=["GET", "POST"])
@login_required
def reflection(message_id: int, draft_id: int):
    require("view_workspace")
    if request.method == "GET":
        return _reflection_page(message_id, draft_id)
    message = db.first_or_404(reflections.key_message_for_reflection(message_id))
    draft = db.first_or_404(select(Draft).where(Draft.id == draft_id))
    require("record_reflection", message)
    form = ReflectionForm()
    if not form.validate_on_submit():
        return _reflection_page(message_id, draft_id, form, 422)
    paragraphs = _checked_paragraphs(form, draft_id)
    if paragraphs is None:
        return _reflection_page(message_id, draft_id, form, 422)
    try:
        reflections.record_reflection(
            key_message=message,
            draft=draft,
            level=Level(form.level.data),
            paragraphs=paragraphs,
            excerpt=form.excerpt.data or "",
            note=form.note.data or "",
            recorded_by=current_user,
            version=form.version.data,
        )
    except EditConflictError:
        return _conflict(message_id, draft_id, form)
    flash(_("The reflection is saved."), "success")
    return redirect(url_for("drafts.reflection", message_id=message_id, draft_id=draft_id))


def _checked_paragraphs(form: ReflectionForm, draft_id: int) -> list[DraftParagraph] | None:
    """The paragraphs the form names, or None with the reason next to the field."""
    paragraphs, missing = _paragraphs_by_ref(draft_id, form.paragraphs.data)
    if missing:
        form.paragraphs.errors.append(
            _("No paragraph %(refs)s in this draft.", refs=", ".join(missing))
        )
        return None
    if Level(form.level.data) == Level.ABSENT and paragraphs:
        form.paragraphs.errors.append(_("An absent message has no paragraph: leave this empty."))
        return None
    return paragraphs


def _conflict(message_id: int, draft_id: int, form: ReflectionForm):
    db.session.rollback()
    db.session.expire_all()
    current = db.session.scalars(reflections.reflection_of(message_id, draft_id)).first()
    mine = {
        "level": str(REFLECTION_LEVELS.get(form.level.data, form.level.data or "")),
        "paragraphs": form.paragraphs.data or "",
        "excerpt": form.excerpt.data or "",
        "note": form.note.data or "",
    }
    fields = _conflict_fields(mine, current) if current else []
    if current is not None:
        form.version.data = str(current.version)
        form.version.raw_data = [form.version.data]  # rendered from raw_data when posted
    return _reflection_page(message_id, draft_id, form, 409, conflict=fields)


@bp.post("/messages/<int:message_id>/reflections/<int:draft_id>/proposal")
@login_required
def record_proposal(message_id: int, draft_id: int):
    message = db.first_or_404(reflections.key_message_for_reflection(message_id))
    draft = db.first_or_404(select(Draft).where(Draft.id == draft_id))
    require("record_reflection", message)
    form = ProposalForm()
    if not form.validate_on_submit() or form.level.data not in {lv.value for lv in PROPOSAL_LEVELS}:
        abort(400)
    paragraph = db.session.scalars(
        reflections.paragraph_of(draft_id, form.paragraph_id.data)
    ).first() or abort(400)
    level = Level(form.level.data)
    try:
        reflections.record_proposal(
            key_message=message,
            draft=draft,
            level=level,
            paragraph=paragraph,
            recorded_by=current_user,
            version=form.version.data,
        )
    except EditConflictError:
        return _proposal_conflict(message_id, draft_id)
    recorded = _(
        "Recorded: %(level)s, paragraph %(ref)s.", level=REFLECTION_LEVELS[level], ref=paragraph.ref
    )
    flash(recorded, "success")
    return redirect(url_for("drafts.reflection", message_id=message_id, draft_id=draft_id))


def _proposal_conflict(message_id: int, draft_id: int):
    db.session.rollback()
    flash(
        _("Someone else saved this reflection meanwhile: check it, then record again."),
        "warning",
    )
    return _reflection_page(message_id, draft_id, status=409)
