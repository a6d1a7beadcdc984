"""What changed for our asks: the alerts a draft raised, with the word diff of each."""

from flask import render_template
from flask_login import login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only

from tracker.alerts import bp, services
from tracker.core.extensions import db
from tracker.core.inputs import page_arg
from tracker.records.drafts import Draft
from tracker.records.reader import require
from tracker.text.diffing import word_diff


@bp.get("/drafts/<int:draft_id>/asks")
@login_required
def for_draft(draft_id: int):
    require("see_alerts")
    draft = db.first_or_404(
        select(Draft)
        .where(Draft.id == draft_id)
        .options(
            load_only(Draft.id, Draft.name, Draft.released_on, Draft.previous_id),
            joinedload(Draft.previous).load_only(Draft.id, Draft.name),
        )
    )
    page = db.paginate(
        services.alerts_of(draft.id), page=page_arg(), per_page=services.PER_PAGE, error_out=False
    )
    return render_template(
        "alerts/draft.html",
        draft=draft,
        page=page,
        counts=services.kind_counts(draft.id),
        word_diff=word_diff,
        split_list=services.split_list,
    )
