"""The thread: the pages that compose features, from the meeting room to the adopted text
(the dashboard, the ACTs and each ACT's page, a session's page, a key message's story, the
one-page brief, the carry-through matrix). This package may use every feature; no feature
uses it."""

from flask import Blueprint

bp = Blueprint("thread", __name__)

from tracker.thread import position_views, views  # noqa: E402, F401
