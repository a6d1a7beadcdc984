"""Alerts: when a draft lands, each carried ask whose paragraph changed is compared with the
previous draft's (weakened, strengthened or changed), stored, and told to whoever listens."""

from flask import Blueprint

from tracker.records import events

bp = Blueprint("alerts", __name__)

from tracker.alerts import services, views  # noqa: E402, F401

events.draft_added.connect(services.on_draft_added)
