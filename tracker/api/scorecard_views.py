"""The public scorecard's page (no sign-in, no cookie, cacheable) and its switch."""

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.api import pages, reads
from tracker.api import scorecard as services
from tracker.core.forms import ButtonForm, require_button
from tracker.records.reader import require

# How long browsers and proxies may keep the public page.
PUBLIC_MAX_AGE = 300


@pages.get("/scorecard")
def public_scorecard():
    if not services.is_public():
        abort(404)
    # Read as nobody is signed in: only what was published to governments.
    drafts, rows = reads.matrix()
    response = make_response(render_template("api/scorecard.html", drafts=drafts, rows=rows))
    response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    response.add_etag()
    return response.make_conditional(request)


@pages.get("/scorecard/settings")
@login_required
def scorecard_settings():
    require("switch_scorecard")
    return render_template(
        "api/scorecard_settings.html", public=services.is_public(), form=ButtonForm()
    )


@pages.post("/scorecard/settings")
@login_required
def switch_scorecard():
    require("switch_scorecard")
    require_button()
    public = request.form.get("public") == "on"
    services.switch(public, current_user)
    if public:
        flash(_("The scorecard is public."), "success")
    else:
        flash(_("The scorecard is no longer public."), "success")
    return redirect(url_for("api_pages.scorecard_settings"))
