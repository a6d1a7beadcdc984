"""Pages beside the API: personal tokens on the account page, and the API's reference."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from tracker.api import auth, pages
from tracker.api.forms import NewTokenForm
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, require_button
from tracker.records.api import ApiToken
from tracker.records.reader import require


def _my_tokens() -> list[ApiToken]:
    statement = (
        select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.id.desc())
    )
    return list(db.session.scalars(statement))


def _tokens_page(form: NewTokenForm, secret: str | None = None, status: int = 200):
    page = render_template(
        "api/tokens.html", form=form, tokens=_my_tokens(), secret=secret, button_form=ButtonForm()
    )
    return page, status, {"Cache-Control": "no-store"}


@pages.get("/account/tokens")
@login_required
def tokens():
    require("use_api")
    return _tokens_page(NewTokenForm())


@pages.post("/account/tokens")
@login_required
def create_token():
    require("use_api")
    form = NewTokenForm()
    if not form.validate_on_submit():
        return _tokens_page(form, status=422)
    _token, secret = auth.create_token(current_user, form.name.data.strip())
    # Shown on this answer only: it is not kept, and the page is not stored.
    return _tokens_page(NewTokenForm(formdata=None), secret=secret, status=201)


@pages.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    require_button()
    token = db.first_or_404(
        select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == current_user.id)
    )
    auth.revoke(token)
    flash(_("Token revoked: it no longer reads anything."), "success")
    return redirect(url_for("api_pages.tokens"))


@pages.get("/api-reference")
def reference():
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    return render_template("api/reference.html", spec=spec)
