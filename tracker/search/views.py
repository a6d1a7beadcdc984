"""Search across everything the reader may see."""

from flask import render_template, request
from flask_login import current_user, login_required

from tracker.core.extensions import db
from tracker.core.inputs import page_arg
from tracker.records.acts import acts_in_order
from tracker.records.reader import require
from tracker.search import bp, services
from tracker.search.forms import SearchForm


@bp.get("/search")
@login_required
def index():
    require("search")
    form = SearchForm(formdata=request.args)
    form.set_choices(db.session.scalars(acts_in_order()).all())
    if not form.validate():
        return render_template("search/index.html", form=form, query="", results=None), 400
    query = (form.q.data or "").strip()
    results = None
    if query:
        results = services.search(
            query,
            current_user,
            act_number=form.act.data or None,
            kind=form.type.data or None,
            page=page_arg(),
        )
    return render_template("search/index.html", form=form, query=query, results=results)
