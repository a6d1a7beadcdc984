"""Who may do what, and what each reader may see.

This module is the single place for permission rules and the visibility filter. It has no
Flask imports: views ask `may(user, verb, thing)`, and `tracker.reader` applies
`visibility_options(user)` to every ORM query of the signed-in reader.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.orm import with_loader_criteria

from tracker.models import DerivedVisibilityMixin, Visibility, VisibleMixin


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    RAPPORTEUR = "rapporteur"
    MEMBER = "member"
    OBSERVER = "observer"


CIVIL_SOCIETY_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.RAPPORTEUR, Role.MEMBER})
STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})
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
    if not is_civil_society(user):
        return False
    if report is None:
        return _role(user) in {Role.RAPPORTEUR, *STAFF_ROLES}
    return report.rapporteur_id == user.id and report.is_editable


def _review_report(user: Reader | None, report: Any = None) -> bool:
    return is_staff(user) and (report is None or report.status == "submitted")


def _reopen_report(user: Reader | None, report: Any = None) -> bool:
    return is_staff(user) and (report is None or report.status == "accepted")


def _order_key_messages(user: Reader | None, report: Any = None) -> bool:
    return is_staff(user) or _own_editable_report(user, report)


def _see_attributions(user: Reader | None, outcome: Any = None) -> bool:
    """Under the Chatham House rule, only civil society sees which government said what."""
    if is_civil_society(user):
        return True
    return outcome is not None and not outcome.chatham_house


def _update_action(user: Reader | None, action: Any = None) -> bool:
    """The owner moves their action along; coordinators and admins may too."""
    if is_staff(user):
        return True
    if not is_civil_society(user):
        return False
    return action is None or action.owner_id == user.id


RULES: dict[str, Callable[[Reader | None, Any], bool]] = {
    "view_workspace": _signed_in,
    "see_record": _see_record,
    "see_civil_society": _civil_society,
    "manage_accounts": _manage_account,
    "give_role": _give_role,
    "manage_agenda": _staff,
    "administer": _admin,
    # The meeting record
    "write_note": _civil_society,
    "assign_rapporteur": _staff,
    "edit_report": _own_editable_report,
    "submit_report": _own_editable_report,
    "review_report": _review_report,
    "reopen_report": _reopen_report,
    "order_key_messages": _order_key_messages,
    "merge_key_messages": _staff,
    "publish": _staff,
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
    "search": _signed_in,
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


def visibility_options(user: Reader | None) -> list:
    """Loader options restricting every visible record to what `user` may read.

    Civil-society roles read everything; observers (and anyone not signed in) read
    only records shared with governments.
    """
    if sees_everything(user):
        return []
    return [
        with_loader_criteria(
            VisibleMixin,
            lambda cls: cls.visibility == Visibility.SHARED,
            include_aliases=True,
        ),
        with_loader_criteria(
            DerivedVisibilityMixin, lambda cls: cls.shared_clause(), include_aliases=True
        ),
    ]
