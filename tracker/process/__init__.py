from flask import Blueprint

bp = Blueprint("process", __name__)

from tracker.process import views  # noqa: E402, F401
