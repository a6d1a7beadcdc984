"""Who may do what, and what each reader may see.

This module is the single place for permission rules and the visibility filter. It has no
Flask imports: views ask `may(user, verb, thing)`, and `tracker.records.reader` applies
`visibility_options(user)` to every ORM query of the signed-in reader.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import with_loader_criteria

from tracker.records.base import ObserverRowsMixin, Visibility


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    RAPPORTEUR = "rapporteur"
    MEMBER = "member"
    OBSERVER = "observer"


CIVIL_SOCIETY_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.RAPPORTEUR, Role.MEMBER})
STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})
# Who may be a group session's rapporteur (and write its report).
RAPPORTEUR_ROLES = frozenset({Role.RAPPORTEUR, *STAFF_ROLES})
# Roles a coordinator may give or manage; an admin manages every role.
ROLES_COORDINATORS_MANAGE = frozenset({Role.RAPPORTEUR, Role.MEMBER, Role.OBSERVER})


class Reader(Protocol):
    id: int
    role: Role
    is_authenticated: bool


def _role(user: Reader | None) -> Role | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Role(user.role)


def is_civil_society(user: Reader | None) -> bool:
    return _role(user) in CIVIL_SOCIETY_ROLES


def is_staff(user: Reader | None) -> bool:
    return _role(user) in STAFF_ROLES


def _signed_in(user: Reader | None, thing: Any = None) -> bool:
    return _role(user) is not None


def _staff(user: Reader | None, thing: Any = None) -> bool:
    return is_staff(user)


def _civil_society(user: Reader | None, thing: Any = None) -> bool:
    return is_civil_society(user)


def _admin(user: Reader | None, thing: Any = None) -> bool:
    return _role(user) == Role.ADMIN


def _manage_account(user: Reader | None, account: Any = None) -> bool:
    if user is None:
        return False
    role = _role(user)
    if role == Role.ADMIN:
        return account is None or account.id != user.id
    if role == Role.COORDINATOR:
        return account is None or Role(account.role) in ROLES_COORDINATORS_MANAGE
    return False


def _give_role(user: Reader | None, role: Any = None) -> bool:
    if _role(user) == Role.ADMIN:
        return True
    return _role(user) == Role.COORDINATOR and (
        role is None or Role(role) in ROLES_COORDINATORS_MANAGE
    )


def _see_record(user: Reader | None, record: Any = None) -> bool:
    if _role(user) is None:
        return False
    if is_civil_society(user):
        return True
    return record is None or getattr(record, "visibility", None) == Visibility.SHARED


def _own_editable_report(user: Reader | None, report: Any = None) -> bool:
    """The assigned rapporteur edits and submits a draft or returned report."""
    if user is None or not is_civil_society(user):
        return False
    if report is None:
        return _role(user) in RAPPORTEUR_ROLES
    return report.rapporteur_id == user.id and report.is_editable


def _review_report(user: Reader | None, report: Any = None) -> bool:
    return is_staff(user) and (report is None or report.status == "submitted")


def _recall_report(user: Reader | None, report: Any = None) -> bool:
    """The assigned rapporteur takes back a submitted report, to revise it."""
    if user is None or not is_civil_society(user):
        return False
    if report is None:
        return _role(user) in RAPPORTEUR_ROLES
    return report.rapporteur_id == user.id and report.status == "submitted"


def _reopen_report(user: Reader | None, report: Any = None) -> bool:
    return is_staff(user) and (report is None or report.status == "accepted")


def _order_key_messages(user: Reader | None, report: Any = None) -> bool:
    return is_staff(user) or _own_editable_report(user, report)


def _publish_now(user: Reader | None, record: Any = None) -> bool:
    """Coordinators publish to governments (and withdraw: "publish"); a report once it is
    accepted."""
    return is_staff(user) and getattr(record, "ready_to_publish", True)


def _see_attributions(user: Reader | None, outcome: Any = None) -> bool:
    """Under the Chatham House rule, only civil society sees which government said what."""
    if is_civil_society(user):
        return True
    return outcome is not None and not outcome.chatham_house


def _update_action(user: Reader | None, action: Any = None) -> bool:
    """The owner moves their action along; coordinators and admins may too."""
    if is_staff(user):
        return True
    if user is None or not is_civil_society(user):
        return False
    return action is None or action.owner_id == user.id


RULES: dict[str, Callable[[Reader | None, Any], bool]] = {
    "view_workspace": _signed_in,
    "see_record": _see_record,
    "see_civil_society": _civil_society,
    "manage_accounts": _manage_account,
    "give_role": _give_role,
    "manage_agenda": _staff,
    "manage_process": _staff,
    "administer": _admin,
    # Archive and restore records, read the archive and the activity log.
    "archive": _staff,
    "audit": _staff,
    # The meeting record
    "write_note": _civil_society,
    "assign_rapporteur": _staff,
    "edit_report": _own_editable_report,
    "submit_report": _own_editable_report,
    "review_report": _review_report,
    "reopen_report": _reopen_report,
    "recall_report": _recall_report,
    "order_key_messages": _order_key_messages,
    "merge_key_messages": _staff,
    "publish": _staff,
    "publish_now": _publish_now,
    "record_table_outcome": _staff,
    "see_attributions": _see_attributions,
    # Next-step actions
    "create_action": _staff,
    "assign_action": _staff,
    "drop_action": _staff,
    "update_action": _update_action,
    "comment_action": _civil_society,
    # Carry-through to the negotiations
    "add_draft": _staff,
    "record_reflection": _civil_society,
    "record_position": _civil_society,
    "search": _signed_in,
    # Being told: following ACTs and asks, the alerts of a new draft
    "follow": _civil_society,
    "see_alerts": _civil_society,
    "use_api": _signed_in,
    "switch_scorecard": _staff,
}


def may(user: Reader | None, verb: str, thing: Any = None) -> bool:
    """Answer whether `user` may do `verb` (to `thing`, when the rule looks at it)."""
    try:
        rule = RULES[verb]
    except KeyError:
        raise LookupError(f"no permission rule named {verb!r}") from None
    return rule(user, thing)


def sees_everything(user: Reader | None) -> bool:
    return is_civil_society(user)


def audience(user: Reader | None) -> str | None:
    """Whom a page rendered once may be shown to: everyone of the same role (what they may
    read and which controls they get depend on the role), never one person; None for a
    reader not signed in."""
    role = _role(user)
    return role.value if role is not None else None


# What observers read ----------------------------------------------------------------------
#
# Every mapped class is named below, in exactly one of four places (a test holds it so):
# reference data everyone reads whole; people's own account records, which their pages
# guard; records observers never read; and records observers read in part. For the last,
# `live` are the attributes (columns and relationships) read as they are now, `published`
# those read from the snapshot a coordinator published (see PublishableMixin). Every other
# attribute is blanked before an observer's code sees the object: a field nobody declared
# is hidden.


@dataclass(frozen=True)
class ObserverRead:
    live: frozenset[str]
    published: frozenset[str] = frozenset()

    @property
    def readable(self) -> frozenset[str]:
        return self.live | self.published


_PUBLICATION = frozenset({"visibility", "published", "published_at", "published_by_id"})


def _read(live: str, published: str = "") -> ObserverRead:
    return ObserverRead(frozenset(live.split()), frozenset(published.split()))


def _publishable(live: str, published: str) -> ObserverRead:
    read = _read(f"id version created_at {live}", f"updated_at {published}")
    return ObserverRead(read.live | _PUBLICATION, read.published)


REFERENCE_RECORDS = frozenset(
    {
        "Act",
        "Draft",
        "DraftParagraph",
        "Government",
        "Milestone",
        "Organization",
        "Scorecard",
        "WorkspaceVersion",  # a number: how many times the workspace changed
    }
)
ACCOUNT_RECORDS = frozenset(
    {
        "Invitation",
        "Notification",
        "OutboxMessage",
        "PasswordReset",
        "PasswordResetRequest",
        "ApiToken",
        "SignInFailure",
        "User",
    }
)
NEVER_READ = frozenset(
    {
        "Activity",
        "Alert",
        "Follow",
        "NoteRevision",
        "ReportEvent",
        "ReportInternal",
        "ReportPriority",  # read through the published report
        "SearchEntry",  # search reads the entries of the reader's audience only
        "Stance",  # read through the published outcome
    }
)
OBSERVERS_READ: dict[str, ObserverRead] = {
    # The meetings open to governments, whole; a civil-society-only meeting not at all.
    "Meeting": _read(
        "id slug title city country starts_on ends_on summary timezone audience languages "
        "version created_at updated_at sessions"
    ),
    "MeetingSession": _read(
        "id meeting_id key day starts_at ends_at kind title purpose venue audience languages "
        "position version created_at updated_at meeting acts speakers"
    ),
    "Speaker": _read("id session_id name organization_id role tbc position session organization"),
    "Note": _publishable("session_id act_id session act", "title body"),
    "Report": _publishable(
        "act_id session_id rapporteur_id act session rapporteur key_messages",
        "summary status submitted_at accepted_at priorities",
    ),
    "KeyMessage": _publishable(
        "act_id report_id rank merged_into_id act report merged_into", "text"
    ),
    "TableOutcome": _publishable(
        "act_id session_id act session",
        "summary commitments follow_ups chatham_house civil_society_participants "
        "governments stances",
    ),
    "Action": _publishable(
        "act_id owner_id organization_id due_on milestone_id priority status key_message_id "
        "outcome_id changed_at act owner organization milestone key_message outcome",
        "title description",
    ),
    # A position a coordinator published, without the note typed with it.
    "RoundPosition": _publishable(
        "milestone_id government_id act_id key_message_id paragraph_id milestone government "
        "act key_message paragraph",
        "paragraph_ref stand amendment source stated_on",
    ),
    # A shared action's progress, without the notes typed with each move or the edits.
    "ActionUpdate": _read(
        "id action_id kind actor_id from_status to_status created_at action actor"
    ),
    # How a shared key message stands in each draft, without the reviewers' notes.
    "Reflection": _read(
        "id key_message_id draft_id level state excerpt carried_from_id recorded_at version "
        "created_at updated_at key_message draft paragraphs carried_from"
    ),
}
# Under the Chatham House rule observers also lose these (see tracker.records.publishing).
CHATHAM_HOUSE_HIDDEN = {
    "TableOutcome": frozenset({"civil_society_participants"}),
    "Stance": frozenset({"note"}),
}


def observer_read(class_name: str) -> ObserverRead | None:
    """What observers read of a class: None when they read all of it (reference data and
    account records), an empty declaration when they read nothing."""
    if class_name in REFERENCE_RECORDS or class_name in ACCOUNT_RECORDS:
        return None
    return OBSERVERS_READ.get(class_name, ObserverRead(frozenset()))


def visibility_options(user: Reader | None) -> list:
    """Loader options restricting every record to the rows `user` may read.

    Civil-society roles read everything; observers (and anyone not signed in) read the rows
    each class's `shared_clause()` admits, and nothing of a class that declares none.
    """
    if sees_everything(user):
        return []
    return [
        with_loader_criteria(
            ObserverRowsMixin, lambda cls: cls.shared_clause(), include_aliases=True
        )
    ]
