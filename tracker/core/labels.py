"""Translated labels for the values users see (roles, kinds, audiences...)."""

from flask_babel import lazy_gettext as _l

ROLES = {
    "admin": _l("Admin"),
    "coordinator": _l("Coordinator"),
    "rapporteur": _l("Rapporteur"),
    "member": _l("Member"),
    "observer": _l("Observer"),
}

SESSION_KINDS = {
    "registration": _l("Registration"),
    "plenary": _l("Plenary"),
    "panel": _l("Panel"),
    "keynote": _l("Keynote"),
    "group_session": _l("Group session"),
    "small_table": _l("Small table with governments"),
    "break": _l("Break"),
    "reception": _l("Reception"),
}

AUDIENCES = {
    "civil_society": _l("Civil society only"),
    "open": _l("Open to governments and UN agencies"),
}

SPEAKER_ROLES = {
    "moderator": _l("Moderator"),
    "speaker": _l("Speaker"),
    "rapporteur": _l("Rapporteur"),
}

LANGUAGES = {"en": _l("English"), "fr": _l("French"), "es": _l("Spanish")}

MILESTONE_KINDS = {
    "meeting": _l("Meeting"),
    "draft": _l("Draft released"),
    "negotiation": _l("Negotiation round"),
    "adoption": _l("Adoption"),
    "endorsement": _l("Endorsement"),
    "conference": _l("Conference"),
}

VISIBILITY = {
    "civil_society": _l("Civil society only"),
    "shared": _l("Shared with governments"),
}

ORGANIZATION_KINDS = {
    "ngo": _l("NGO"),
    "network": _l("Network"),
    "union": _l("Trade union"),
    "faith_based": _l("Faith-based organisation"),
    "diaspora": _l("Diaspora organisation"),
    "migrant_association": _l("Migrant association"),
    "research": _l("Research"),
    "un_agency": _l("UN agency"),
    "government": _l("Government"),
}

POSITIONS = {
    "supportive": _l("Supportive"),
    "open": _l("Open"),
    "reserved": _l("Reserved"),
    "opposed": _l("Opposed"),
}

STANDS = {
    "supports": _l("Supports"),
    "amends": _l("Proposes an amendment"),
    "reserves": _l("Reserves"),
    "opposes": _l("Opposes"),
    "silent": _l("Silent"),
}

POSITION_SOURCES = {
    "plenary": _l("Plenary statement"),
    "informal": _l("Informal consultations"),
    "bilateral": _l("Bilateral meeting"),
}

GOVERNMENT_KINDS = {
    "member_state": _l("Member state"),
    "un_agency": _l("UN agency"),
    "group": _l("Group of states"),
}

REPORT_STATUSES = {
    "draft": _l("Draft"),
    "submitted": _l("Submitted for review"),
    "returned": _l("Returned to the rapporteur"),
    "accepted": _l("Accepted"),
}

REPORT_EVENT_KINDS = {
    "assigned": _l("Rapporteur assigned"),
    "saved": _l("Saved"),
    "submitted": _l("Submitted for review"),
    "returned": _l("Returned with a comment"),
    "accepted": _l("Accepted"),
    "reopened": _l("Reopened"),
    "recalled": _l("Submission withdrawn by the rapporteur"),
    "published": _l("Published to governments"),
    "withdrawn": _l("Withdrawn from governments"),
}

ALERT_KINDS = {
    "weakened": _l("Weakened"),
    "strengthened": _l("Strengthened"),
    "changed": _l("Changed"),
}

REFLECTION_LEVELS = {
    "absent": _l("Absent"),
    "weak": _l("Weak"),
    "partial": _l("Partial"),
    "strong": _l("Strong"),
}

REFLECTION_STATES = {
    "current": _l("Current"),
    "to_review": _l("To review"),
    "lost": _l("Lost: its paragraph was deleted"),
}

PARAGRAPH_CHANGES = {
    "unchanged": _l("Unchanged"),
    "changed": _l("Changed"),
    "moved": _l("Moved"),
    "new": _l("New"),
    "deleted": _l("Deleted"),
}

ACTION_STATUSES = {
    "open": _l("Open"),
    "in_progress": _l("In progress"),
    "blocked": _l("Blocked"),
    "done": _l("Done"),
    "dropped": _l("Dropped"),
}

ACTION_PRIORITIES = {
    "high": _l("High"),
    "medium": _l("Medium"),
    "low": _l("Low"),
}

ACTION_UPDATE_KINDS = {
    "created": _l("Created"),
    "assigned": _l("Assigned"),
    "edited": _l("Edited"),
    "status": _l("Status changed"),
    "comment": _l("Comment"),
}

# The kinds of record the activity log and the archive name (by their table).
RECORD_TYPES = {
    "note": _l("Note"),
    "report": _l("Report"),
    "key_message": _l("Key message"),
    "table_outcome": _l("Small-table outcome"),
    "action": _l("Action"),
    "draft": _l("Draft"),
    "meeting": _l("Meeting"),
    "meeting_session": _l("Agenda item"),
}

ACTIVITY_VERBS = {
    "published": _l("Published to governments"),
    "withdrawn": _l("Withdrawn from governments"),
    "archived": _l("Archived"),
    "restored": _l("Restored"),
    "purged": _l("Purged"),
}
