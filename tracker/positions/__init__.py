"""Governments' positions through the negotiation rounds: quick entry in the room, the list
of a round, corrections, publishing to governments."""

from flask import Blueprint

bp = Blueprint("positions", __name__)

from tracker.positions import views  # noqa: E402, F401
