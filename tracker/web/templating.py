"""What templates may ask: the policy (never the rules themselves), today, labels."""

from babel.dates import get_timezone_location
from flask import Flask, g
from flask_babel import format_date, format_datetime, format_time, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker.core import labels
from tracker.core.clock import today
from tracker.records import policy
from tracker.records.publishing import is_revised
from tracker.text.markdown import render_markdown
from tracker.text.splitting import ref_slug


def may(verb: str, thing=None) -> bool:
    return policy.may(current_user, verb, thing)


def time_zone_name(zone: str) -> str:
    """A time zone as the reader says it ("heure : Mexique (Mexico)"), from its IANA name."""
    try:
        return get_timezone_location(zone, locale=get_locale() or "en")
    except LookupError:
        return zone


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        may=may,
        today=today,
        labels=labels,
        format_date=format_date,
        format_datetime=format_datetime,
        format_time=format_time,
        time_zone_name=time_zone_name,
        nav_items=nav_items,
        nav_more=nav_more,
        render_markdown=render_markdown,
        is_revised=is_revised,
        current_locale=lambda: str(get_locale() or "en"),
        query_count=lambda: g.get("query_count", 0),
    )
    app.jinja_env.filters["ref_slug"] = ref_slug
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


NAV_ITEMS = [
    ("thread.dashboard", _l("Dashboard"), "view_workspace"),
    ("thread.acts", _l("ACTs"), "view_workspace"),
    ("agenda.index", _l("Agenda"), "view_workspace"),
    ("actions.mine", _l("Actions"), "view_workspace"),
    ("drafts.index", _l("Drafts"), "view_workspace"),
    ("positions.index", _l("Positions"), "view_workspace"),
]
# Under "More": what fewer people open, so the bar holds on one line.
NAV_MORE = [
    ("process.organizations", _l("Organisations"), "see_civil_society"),
    ("process.milestones", _l("Milestones"), "manage_process"),
    ("admin.users", _l("People"), "manage_accounts"),
    ("audit.index", _l("Activity log"), "audit"),
    ("archive.index", _l("Archive"), "archive"),
]


def nav_items(items=None) -> list[tuple[str, str]]:
    return [(endpoint, label) for endpoint, label, verb in (items or NAV_ITEMS) if may(verb)]


def nav_more() -> list[tuple[str, str]]:
    return nav_items(NAV_MORE)
