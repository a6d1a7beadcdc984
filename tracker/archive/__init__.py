"""The archive: archive a record with a reason, list what is archived, restore it."""

from flask import Blueprint

bp = Blueprint("archive", __name__)

from tracker.archive import views  # noqa: E402, F401
