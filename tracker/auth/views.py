"""Sign in and out, the account page, accepting an invitation and resetting a password."""

from urllib.parse import urlsplit

from flask import (
    Response,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user

from tracker.auth import bp, services
from tracker.auth.devices import client_address, known_device_user_id, remember_device
from tracker.auth.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    LanguageForm,
    SetPasswordForm,
    SignInForm,
)
from tracker.auth.passwords import verify_password
from tracker.auth.throttle import Refusal


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None (no open redirects)."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("thread.dashboard"))
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                form.email.data, form.password.data, client_address(), known_device_user_id()
            )
        except services.SignInThrottledError as throttled:
            form.email.errors.append(sign_in_refusal_message(throttled.refusal))
            page = render_template("auth/sign_in.html", form=form)
            return too_many_requests(page, throttled.refusal)
        if user is not None:
            session.clear()  # a fresh session at sign-in: no fixation
            login_user(user, remember=form.remember.data)
            target = safe_next(request.args.get("next")) or url_for("thread.dashboard")
            return remember_device(redirect(target), user)
        form.password.errors.append(_("Email or password is incorrect."))
        status = 401
    elif form.is_submitted():
        status = 400
    return render_template("auth/sign_in.html", form=form), status


def sign_in_refusal_message(refusal: Refusal) -> str:
    if refusal.rule == "account":
        return ngettext(
            "This account has had many failed sign-ins lately. Wait %(num)d second, then "
            "try again. On a device where you signed in before, there is no wait.",
            "This account has had many failed sign-ins lately. Wait %(num)d seconds, then "
            "try again. On a device where you signed in before, there is no wait.",
            refusal.seconds,
        )
    return ngettext(
        "Too many failed sign-ins from your network. Try again in %(num)d minute.",
        "Too many failed sign-ins from your network. Try again in %(num)d minutes.",
        refusal.minutes,
    )


def too_many_requests(page: str, refusal: Refusal) -> Response:
    response = make_response(page, 429)
    response.headers["Retry-After"] = str(refusal.seconds)
    return response


@bp.post("/sign-out")
@login_required
def sign_out():
    services.end_sessions(current_user)
    logout_user()
    session.clear()
    flash(_("You are signed out."), "info")
    return redirect(url_for("auth.sign_in"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    password_form = ChangePasswordForm(prefix="password")
    password_form.email_for_check = current_user.email
    language_form = LanguageForm(prefix="language", locale=current_user.locale or "")
    if request.method == "POST":
        if "password-submit" in request.form:
            done = _change_password(password_form)
        elif "language-submit" in request.form:
            done = _save_language(language_form)
        else:
            abort(400)
        if done:
            return redirect(url_for("auth.account"))
    status = 422 if request.method == "POST" else 200
    return render_template(
        "auth/account.html", password_form=password_form, language_form=language_form
    ), status


def _change_password(form: ChangePasswordForm) -> bool:
    if not form.validate_on_submit():
        return False
    if not verify_password(current_user.password_hash, form.current_password.data):
        form.current_password.errors.append(_("The current password is incorrect."))
        return False
    user = current_user._get_current_object()
    services.change_password(user, form.new_password.data)
    # Every other session has ended; this one carries on with the new token. (login_user
    # needs the user itself: given the proxy, g would point at the proxy and every later
    # current_user lookup would recurse forever.)
    session.clear()
    login_user(user)
    flash(_("Your password is changed. Other devices are signed out."), "success")
    return True


def _save_language(form: LanguageForm) -> bool:
    if not form.validate_on_submit():
        return False
    services.set_locale(current_user, form.locale.data)
    flash(_("Your language is saved."), "success")
    return True


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    invitation = services.usable_invitation(token)
    if invitation is None:
        return render_template("auth/invitation_invalid.html"), 404
    form = SetPasswordForm()
    form.email_for_check = invitation.user.email
    if form.validate_on_submit():
        user = services.accept_invitation(invitation, form.new_password.data)
        session.clear()
        login_user(user)
        flash(_("Welcome, %(name)s. Your password is set.", name=user.name), "success")
        return remember_device(redirect(url_for("thread.dashboard")), user)
    status = 422 if form.is_submitted() else 200
    return render_template(
        "auth/accept_invitation.html", form=form, invitee=invitation.user
    ), status


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        try:
            message = services.request_password_reset(form.email.data, client_address())
        except services.ResetRequestThrottledError as throttled:
            form.email.errors.append(
                ngettext(
                    "Too many requests for a reset link from your network. "
                    "Try again in %(num)d minute.",
                    "Too many requests for a reset link from your network. "
                    "Try again in %(num)d minutes.",
                    throttled.refusal.minutes,
                )
            )
            page = render_template("auth/forgot_password.html", form=form)
            return too_many_requests(page, throttled.refusal)
        # The same answer whether or not a link was sent; the mail goes out once the answer
        # has left, so the time a mail server takes does not tell either.
        response = make_response(render_template("auth/reset_link_sent.html"))
        if message is not None:
            deliver_after(response, message.id)
        return response
    status = 422 if form.is_submitted() else 200
    return render_template("auth/forgot_password.html", form=form), status


def deliver_after(response: Response, message_id: int) -> None:
    """Send an outbox message once the response is sent (a failure stays in the outbox)."""
    # The proxy is typed as the app it stands for; the app itself outlives this request.
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def send() -> None:
        with app.app_context():
            services.deliver_queued(message_id)

    response.call_on_close(send)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    reset = services.usable_password_reset(token)
    if reset is None:
        return private(render_template("auth/reset_invalid.html"), 404)
    form = SetPasswordForm()
    form.email_for_check = reset.user.email
    if form.validate_on_submit():
        user = services.reset_password(reset, form.new_password.data)
        if user is None:  # used meanwhile, from another tab
            return private(render_template("auth/reset_invalid.html"), 404)
        session.clear()
        login_user(user)
        flash(_("Your new password is set. Every other device is signed out."), "success")
        return remember_device(redirect(url_for("thread.dashboard")), user)
    status = 422 if form.is_submitted() else 200
    page = render_template("auth/reset_password.html", form=form, person=reset.user)
    return private(page, status)


def private(page: str, status: int) -> Response:
    """A page whose address holds a secret: never kept by a cache."""
    response = make_response(page, status)
    response.headers["Cache-Control"] = "no-store"
    return response
