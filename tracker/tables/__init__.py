from flask import Blueprint

bp = Blueprint("tables", __name__)

from tracker.tables import views  # noqa: E402, F401
