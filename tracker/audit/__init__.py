"""The activity log: who did what to which record, and when, for coordinators."""

from flask import Blueprint

bp = Blueprint("audit", __name__)

from tracker.audit import views  # noqa: E402, F401
