from flask import Blueprint

from tracker.records import events

bp = Blueprint("drafts", __name__)

from tracker.drafts import carrying, views  # noqa: E402, F401

events.record_archived.connect(carrying.realign_around)
events.record_restored.connect(carrying.realign_around)
