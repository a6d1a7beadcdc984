from flask import Blueprint

bp = Blueprint("acts", __name__)

from tracker.acts import views  # noqa: E402, F401
