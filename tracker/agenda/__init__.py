from flask import Blueprint

bp = Blueprint("agenda", __name__)

from tracker.agenda import manage, transfer, views  # noqa: E402, F401
