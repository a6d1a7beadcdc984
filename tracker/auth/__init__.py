"""Accounts: signing in and out, passwords and their reset, invitations, and the People page
where coordinators and admins manage accounts."""

from flask import Blueprint

bp = Blueprint("auth", __name__)
people_bp = Blueprint("admin", __name__)

from tracker.auth import people, views  # noqa: E402, F401
