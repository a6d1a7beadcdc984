"""The road to adoption and the organisations, kept by coordinators."""

import base64
import binascii

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from tracker.core.conflicts import ConflictField, EditConflictError, form_conflicts
from tracker.core.extensions import db
from tracker.core.inputs import page_arg
from tracker.core.spreadsheets import LineError, read_upload
from tracker.process import bp, services
from tracker.process.forms import (
    ConfirmOrganizationsForm,
    MilestoneForm,
    OrganizationForm,
    OrganizationsImportForm,
)
from tracker.records.accounts import Organization
from tracker.records.agenda import Milestone, milestones_in_order
from tracker.records.reader import require

ACTIONS_PER_PAGE = 25


# Milestones -------------------------------------------------------------------------------


@bp.get("/milestones")
@login_required
def milestones():
    require("view_workspace")
    return render_template(
        "process/milestones.html", milestones=db.session.scalars(milestones_in_order()).all()
    )


def _milestone_fields(form: MilestoneForm) -> services.MilestoneFields:
    return services.MilestoneFields(
        title=form.title.data.strip(),
        kind=form.kind.data,
        starts_on=form.starts_on.data,
        ends_on=form.ends_on.data,
        place=(form.place.data or "").strip(),
    )


@bp.route("/milestones/new", methods=["GET", "POST"])
@bp.route("/milestones/<int:milestone_id>/edit", methods=["GET", "POST"])
@login_required
def edit_milestone(milestone_id: int | None = None):
    milestone = db.get_or_404(Milestone, milestone_id) if milestone_id else None
    require("manage_process", milestone)
    form = MilestoneForm(obj=milestone) if request.method == "GET" else MilestoneForm()
    status = 422 if form.is_submitted() else 200
    if form.validate_on_submit():
        try:
            if milestone is None:
                services.create_milestone(_milestone_fields(form))
            else:
                services.edit_milestone(milestone, _milestone_fields(form), form.version.data)
        except EditConflictError:
            conflict = _conflict(
                form, milestone, ["title", "kind", "starts_on", "ends_on", "place"]
            )
            return render_template(
                "process/milestone_form.html", form=form, milestone=milestone, conflict=conflict
            ), 409
        flash(_("Milestone saved."), "success")
        return redirect(url_for("process.milestones"))
    return render_template("process/milestone_form.html", form=form, milestone=milestone), status


def _conflict(form, record, names: list[str]) -> list[ConflictField]:
    """409: what the other person saved beside what this one typed, the form kept at the
    saved version, so saving again is a choice."""
    db.session.rollback()
    db.session.refresh(record)
    form.version.data = record.version
    return form_conflicts(form, record, names)


# Organisations ----------------------------------------------------------------------------


@bp.get("/organizations")
@login_required
def organizations():
    require("see_civil_society")
    return render_template(
        "process/organizations.html",
        organizations=db.session.scalars(services.organizations_in_order()).all(),
    )


@bp.get("/organizations/<int:organization_id>")
@login_required
def organization(organization_id: int):
    require("see_civil_society")
    organization = db.get_or_404(Organization, organization_id)
    actions = db.paginate(
        services.actions_of(organization), page=page_arg(), per_page=ACTIONS_PER_PAGE
    )
    return render_template(
        "process/organization.html",
        organization=organization,
        people=db.session.scalars(services.people_of(organization)).all(),
        actions=actions,
    )


def _organization_fields(form: OrganizationForm) -> services.OrganizationFields:
    return services.OrganizationFields(
        name=form.name.data.strip(),
        acronym=(form.acronym.data or "").strip(),
        region=(form.region.data or "").strip(),
        kind=form.kind.data,
        signed_on=form.signed_on.data,
    )


@bp.route("/organizations/new", methods=["GET", "POST"])
@bp.route("/organizations/<int:organization_id>/edit", methods=["GET", "POST"])
@login_required
def edit_organization(organization_id: int | None = None):
    organization = db.get_or_404(Organization, organization_id) if organization_id else None
    require("manage_process", organization)
    form = OrganizationForm(obj=organization) if request.method == "GET" else OrganizationForm()
    status = 422 if form.is_submitted() else 200
    if form.validate_on_submit():
        if services.name_taken(form.name.data.strip(), organization):
            form.name.errors = [_("An organisation of this name is already in the workspace.")]
            return _organization_form(form, organization, 422)
        try:
            if organization is None:
                organization = services.create_organization(_organization_fields(form))
            else:
                services.edit_organization(
                    organization, _organization_fields(form), form.version.data
                )
        except EditConflictError:
            names = ["name", "acronym", "region", "kind", "signed_on"]
            conflict = _conflict(form, organization, names)
            return _organization_form(form, organization, 409, conflict)
        flash(_("Organisation saved."), "success")
        return redirect(url_for("process.organization", organization_id=organization.id))
    return _organization_form(form, organization, status)


def _organization_form(form, organization, status: int, conflict=None):
    return render_template(
        "process/organization_form.html", form=form, organization=organization, conflict=conflict
    ), status


@bp.route("/organizations/import", methods=["GET", "POST"])
@login_required
def import_organizations():
    require("manage_process")
    form = OrganizationsImportForm()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_template("process/import.html", form=form), status
    filename, content = read_upload(form.file.data, "organisations.csv")
    plan = services.plan_organizations(filename, content)
    if plan.errors:
        return _import_errors(form, plan.errors)
    confirm = ConfirmOrganizationsForm(
        content=base64.b64encode(content).decode("ascii"), filename=filename
    )
    return render_template("process/import.html", form=form, plan=plan, confirm=confirm)


@bp.post("/organizations/import/confirm")
@login_required
def confirm_organizations():
    require("manage_process")
    confirm = ConfirmOrganizationsForm()
    form = OrganizationsImportForm(formdata=None)
    try:
        content = base64.b64decode(confirm.content.data or "", validate=True)
    except (binascii.Error, ValueError):
        content = b""
    if not confirm.validate_on_submit() or not content:
        return _import_errors(
            form, [LineError(1, _("The file was lost on the way: choose it again."))]
        )
    plan = services.plan_organizations(confirm.filename.data or "organisations.csv", content)
    if plan.errors:
        return _import_errors(form, plan.errors)
    count = services.apply_organizations(plan)
    flash(ngettext("%(num)d organisation added.", "%(num)d organisations added.", count), "success")
    return redirect(url_for("process.organizations"))


def _import_errors(form, errors: list[LineError]):
    db.session.rollback()
    return render_template("process/import.html", form=form, errors=errors), 422
