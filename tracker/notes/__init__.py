from flask import Blueprint

bp = Blueprint("notes", __name__)

from tracker.notes import views  # noqa: E402, F401
