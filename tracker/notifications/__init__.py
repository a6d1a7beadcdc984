"""Notifications: people told of what concerns them, in the app and by mail."""

from flask import Blueprint

from tracker.records import events

bp = Blueprint("notifications", __name__)

from tracker.notifications import services, views  # noqa: E402, F401

events.action_changed.connect(services.on_action_changed)
