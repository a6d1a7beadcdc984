from flask import Blueprint

bp = Blueprint("actions", __name__)

from tracker.actions import calendar_views, views  # noqa: E402, F401
