from flask import Blueprint

bp = Blueprint("drafts", __name__)

from tracker.drafts import views  # noqa: E402, F401
