"""Account management: invite (one by one or from a file), change role, deactivate."""

import base64
import binascii

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from tracker.auth import bulk, services
from tracker.auth import people_bp as bp
from tracker.auth.forms import ConfirmPeopleForm, InviteForm, PeopleImportForm, RoleForm
from tracker.core.extensions import db
from tracker.core.forms import ButtonForm, require_button
from tracker.core.labels import ROLES
from tracker.core.spreadsheets import LineError, read_upload
from tracker.records import policy
from tracker.records.accounts import User
from tracker.records.policy import Role
from tracker.records.reader import require


def _invite_form() -> InviteForm:
    form = InviteForm(prefix="invite")
    organizations = db.session.scalars(services.organizations_in_order()).all()
    form.set_choices(
        services.roles_given_by(lambda role: policy.may(current_user, "give_role", role)),
        organizations,
    )
    return form


def _render_users(invite_form: InviteForm, status: int = 200, invitation_url: str | None = None):
    users = db.session.scalars(services.users_in_order()).all()
    role_choices = [
        (str(role), ROLES[role])
        for role in services.roles_given_by(lambda r: policy.may(current_user, "give_role", r))
    ]
    return render_template(
        "admin/users.html",
        users=users,
        invite_form=invite_form,
        role_choices=role_choices,
        button_form=ButtonForm(),
        invitation_url=invitation_url,
    ), status


@bp.get("/admin/users")
@login_required
def users():
    require("manage_accounts")
    return _render_users(_invite_form())


@bp.post("/admin/users/invite")
@login_required
def invite():
    require("manage_accounts")
    form = _invite_form()
    if not form.validate_on_submit():
        return _render_users(form, 422)
    link = services.invite_user(
        current_user,
        form.email.data,
        form.name.data,
        Role(form.role.data),
        form.organization_id.data or None,
    )
    flash(
        _("%(name)s is invited. Send them this link; it works once.", name=link.user.name),
        "success",
    )
    return _render_users(_invite_form(), 201, invitation_url=link.url)


def _managed_user(user_id: int) -> User:
    user = db.get_or_404(User, user_id)
    require("manage_accounts", user)
    return user


@bp.post("/admin/users/<int:user_id>/role")
@login_required
def change_role(user_id: int):
    user = _managed_user(user_id)
    form = RoleForm()
    form.role.choices = [(str(r), str(r)) for r in Role]
    if not form.validate_on_submit():
        abort(400)
    role = Role(form.role.data)
    require("give_role", role)
    services.set_role(user, role)
    flash(_("%(name)s is now %(role)s.", name=user.name, role=ROLES[role]), "success")
    return redirect(url_for("admin.users"))


@bp.post("/admin/users/<int:user_id>/deactivate")
@login_required
def deactivate(user_id: int):
    user = _managed_user(user_id)
    require_button()
    services.set_active(user, False)
    flash(_("%(name)s can no longer sign in.", name=user.name), "success")
    return redirect(url_for("admin.users"))


@bp.post("/admin/users/<int:user_id>/reactivate")
@login_required
def reactivate(user_id: int):
    user = _managed_user(user_id)
    require_button()
    services.set_active(user, True)
    flash(_("%(name)s can sign in again.", name=user.name), "success")
    return redirect(url_for("admin.users"))


@bp.post("/admin/users/<int:user_id>/reinvite")
@login_required
def reinvite(user_id: int):
    user = _managed_user(user_id)
    require_button()
    link = services.reinvite_user(current_user, user)
    flash(_("A new invitation link for %(name)s is ready.", name=user.name), "success")
    return _render_users(_invite_form(), 201, invitation_url=link.url)


# Invitations in bulk, from a file -----------------------------------------------------------


def _may_give(role: Role) -> bool:
    return policy.may(current_user, "give_role", role)


@bp.route("/admin/users/import", methods=["GET", "POST"])
@login_required
def import_people():
    require("manage_accounts")
    form = PeopleImportForm()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_template("admin/import_people.html", form=form), status
    filename, content = read_upload(form.file.data, "people.csv")
    plan = bulk.plan_invitations(filename, content, _may_give)
    if plan.errors:
        return _import_errors(form, plan.errors)
    confirm = ConfirmPeopleForm(
        content=base64.b64encode(content).decode("ascii"), filename=filename
    )
    return render_template("admin/import_people.html", form=form, plan=plan, confirm=confirm)


@bp.post("/admin/users/import/confirm")
@login_required
def confirm_people():
    require("manage_accounts")
    confirm = ConfirmPeopleForm()
    form = PeopleImportForm(formdata=None)
    try:
        content = base64.b64decode(confirm.content.data or "", validate=True)
    except (binascii.Error, ValueError):
        content = b""
    if not confirm.validate_on_submit() or not content:
        return _import_errors(
            form, [LineError(1, _("The file was lost on the way: choose it again."))]
        )
    plan = bulk.plan_invitations(confirm.filename.data or "people.csv", content, _may_give)
    if plan.errors:
        return _import_errors(form, plan.errors)
    links = bulk.invite_many(current_user, plan)
    flash(ngettext("%(num)d person invited.", "%(num)d people invited.", len(links)), "success")
    return render_template("admin/import_people.html", form=form, links=links), 201


def _import_errors(form, errors: list[LineError]):
    db.session.rollback()
    return render_template("admin/import_people.html", form=form, errors=errors), 422
