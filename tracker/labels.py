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
