"""Routes of the agenda: the meetings' agendas, their files, and their setting up."""

from tests.access import HIDDEN_FROM_OBSERVERS, STAFF, Route, b64, versioned

AGENDA_CSV = (
    "key,day,start,end,kind,title,audience\n"
    "imported,2017-12-02,16:00,17:00,plenary,Imported plenary,open\n"
)


def _meeting(w) -> dict:
    return {
        "title": "A regional consultation",
        "city": "Bangkok",
        "country": "Thailand",
        "timezone": "Asia/Bangkok",
        "starts_on": "2017-12-02",
        "ends_on": "2017-12-03",
        "audience": "civil_society",
        "languages": ["en", "fr"],
    }


def _item(w) -> dict:
    return {
        "day": "2017-12-02",
        "starts_at": "16:00",
        "ends_at": "17:00",
        "kind": "panel",
        "title": "A new panel",
        "audience": "open",
        "acts": ["3"],
        "speakers": "Ana Example | World Network | moderator | tbc",
    }


ROUTES = [
    Route("agenda.index", lambda w: "/agenda"),
    Route("agenda.meeting", lambda w: f"/meetings/{w.meeting.slug}"),
    Route("agenda.ical", lambda w: f"/meetings/{w.meeting.slug}/agenda.ics"),
    Route("agenda.export_csv", lambda w: f"/meetings/{w.meeting.slug}/agenda.csv"),
    # A civil-society-only meeting does not exist for observers.
    Route(
        "agenda.meeting",
        lambda w: f"/meetings/{w.closed_meeting.slug}",
        refused=HIDDEN_FROM_OBSERVERS,
        allowed=frozenset({"admin", "coordinator", "rapporteur", "member"}),
    ),
    Route(
        "agenda.ical",
        lambda w: f"/meetings/{w.closed_meeting.slug}/agenda.ics",
        refused=HIDDEN_FROM_OBSERVERS,
        allowed=frozenset({"admin", "coordinator", "rapporteur", "member"}),
    ),
    Route(
        "agenda.export_csv",
        lambda w: f"/meetings/{w.closed_meeting.slug}/agenda.csv",
        refused=HIDDEN_FROM_OBSERVERS,
        allowed=frozenset({"admin", "coordinator", "rapporteur", "member"}),
    ),
    Route("agenda.new_meeting", lambda w: "/meetings/new", allowed=STAFF),
    Route("agenda.new_meeting", lambda w: "/meetings/new", "POST", STAFF, data=_meeting),
    Route("agenda.edit_meeting", lambda w: f"/meetings/{w.meeting.slug}/edit", allowed=STAFF),
    Route(
        "agenda.edit_meeting",
        lambda w: f"/meetings/{w.meeting.slug}/edit",
        "POST",
        STAFF,
        data=lambda w: versioned(w.meeting) | _meeting(w),
    ),
    Route("agenda.new_item", lambda w: f"/meetings/{w.meeting.slug}/items/new", allowed=STAFF),
    Route(
        "agenda.new_item",
        lambda w: f"/meetings/{w.meeting.slug}/items/new",
        "POST",
        STAFF,
        data=_item,
    ),
    Route("agenda.edit_item", lambda w: f"/sessions/{w.small_table.id}/edit", allowed=STAFF),
    Route(
        "agenda.edit_item",
        lambda w: f"/sessions/{w.small_table.id}/edit",
        "POST",
        STAFF,
        data=lambda w: versioned(w.small_table) | _item(w),
    ),
    Route(
        "agenda.edit_item",
        lambda w: f"/sessions/{w.closed_item.id}/edit",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "agenda.reschedule_item",
        lambda w: f"/sessions/{w.small_table.id}/reschedule",
        allowed=STAFF,
    ),
    Route(
        "agenda.reschedule_item",
        lambda w: f"/sessions/{w.small_table.id}/reschedule",
        "POST",
        STAFF,
        data=lambda w: versioned(
            w.small_table, day="2017-12-03", starts_at="08:00", ends_at="09:00"
        ),
    ),
    Route(
        "agenda.move_item",
        lambda w: f"/sessions/{w.small_table.id}/move/up",
        "POST",
        STAFF,
    ),
    Route("agenda.import_agenda", lambda w: f"/meetings/{w.meeting.slug}/import", allowed=STAFF),
    Route(
        "agenda.confirm_import",
        lambda w: f"/meetings/{w.meeting.slug}/import/confirm",
        "POST",
        STAFF,
        data=lambda w: {"content": b64(AGENDA_CSV), "filename": "agenda.csv"},
    ),
]
