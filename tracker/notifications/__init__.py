from flask import Blueprint

bp = Blueprint("notifications", __name__)

from tracker.notifications import views  # noqa: E402, F401
