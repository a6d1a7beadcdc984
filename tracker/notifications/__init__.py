"""Notifications: people told of what concerns them, in the app and by mail, and what they
follow."""

from flask import Blueprint

from tracker.records import events

bp = Blueprint("notifications", __name__)

from tracker.notifications import receivers, services, views  # noqa: E402

events.action_changed.connect(services.on_action_changed)
events.action_created.connect(receivers.on_action_created)
events.report_changed.connect(receivers.on_report_changed)
events.alerts_raised.connect(receivers.on_alerts_raised)
events.position_recorded.connect(receivers.on_position_recorded)

__all__ = ["bp", "views"]
