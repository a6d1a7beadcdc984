from flask import Blueprint

bp = Blueprint("reports", __name__)

from tracker.reports import message_views, views  # noqa: E402, F401
