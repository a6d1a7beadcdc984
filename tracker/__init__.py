"""Advocacy tracker: from a civil-society strategy meeting to an adopted UN text.

The package root imports nothing, so any module loads on its own; `tracker.app` builds the
application (`flask --app tracker` and wsgi.py find `create_app` here).
"""

from typing import Any


def create_app(config: Any = None) -> Any:
    from tracker.app import create_app as build

    return build(config)
