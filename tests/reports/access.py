"""Routes of rapporteurs' reports and key messages.

Civil-society roles read every report and key message; observers read the published ones
only (404 on the others, through the reader's filter). Only the assigned rapporteur edits and
submits a draft; coordinators and admins assign, review, reopen, publish, order and merge.
"""

from tests.access import (
    ALL_ROLES,
    CIVIL_SOCIETY,
    HIDDEN_FROM_OBSERVERS,
    NOBODY,
    RAPPORTEUR,
    STAFF,
    Route,
    versioned,
)

REPORT_FORM = {
    "summary": "What the group agreed.",
    "priorities": "First priority\nSecond priority",
    "key_messages": "First ask\nSecond ask",
    "divergence": "Views differed.",
    "strategy_notes": "",
}

ROUTES = [
    Route(
        "reports.assign",
        lambda w: f"/sessions/{w.group_session.id}/reports",
        method="POST",
        allowed=STAFF,
        data=lambda w: {
            "assign-act_id": str(w.act.id),
            "assign-rapporteur_id": str(w.users["rapporteur"].id),
        },
    ),
    Route(
        "reports.reassign",
        lambda w: f"/reports/{w.report.id}/rapporteur",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: {"reassign-rapporteur_id": str(w.users["coordinator"].id)},
    ),
    Route(
        "reports.show",
        lambda w: f"/reports/{w.report.id}",
        allowed=CIVIL_SOCIETY,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route("reports.show", lambda w: f"/reports/{w.accepted_report.id}", allowed=ALL_ROLES),
    Route(
        "reports.edit",
        lambda w: f"/reports/{w.draft_report.id}/edit",
        allowed=RAPPORTEUR,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "reports.edit",
        lambda w: f"/reports/{w.draft_report.id}/edit",
        method="POST",
        allowed=RAPPORTEUR,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: versioned(w.draft_report, **REPORT_FORM),
    ),
    Route("reports.edit", lambda w: f"/reports/{w.accepted_report.id}/edit", allowed=NOBODY),
    Route(
        "reports.submit",
        lambda w: f"/reports/{w.draft_report.id}/submit",
        method="POST",
        allowed=RAPPORTEUR,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "reports.return_",
        lambda w: f"/reports/{w.report.id}/return",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: {"return-comment": "Shorter, please."},
    ),
    Route(
        "reports.accept",
        lambda w: f"/reports/{w.report.id}/accept",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "reports.reopen",
        lambda w: f"/reports/{w.accepted_report.id}/reopen",
        method="POST",
        allowed=STAFF,
    ),
    # The assigned rapporteur takes back a submitted report.
    Route(
        "reports.recall",
        lambda w: f"/reports/{w.report.id}/recall",
        method="POST",
        allowed=RAPPORTEUR,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "reports.publish",
        lambda w: f"/reports/{w.accepted_report.id}/publish",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "reports.withdraw",
        lambda w: f"/reports/{w.accepted_report.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
    Route(
        "reports.order_messages",
        lambda w: f"/reports/{w.report.id}/messages/order",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: {"order": f"{w.other_key_message.id},{w.key_message.id}"},
    ),
    Route("reports.messages", lambda w: "/messages"),
    Route("reports.messages", lambda w: f"/messages?act={w.act.number}"),
    Route(
        "reports.merge_message",
        lambda w: f"/messages/{w.key_message.id}/merge",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
        data=lambda w: {"merge-target_id": str(w.other_key_message.id), "merge-confirmed": "yes"},
    ),
    Route(
        "reports.publish_message",
        lambda w: f"/messages/{w.key_message.id}/publish",
        method="POST",
        allowed=STAFF,
        refused=HIDDEN_FROM_OBSERVERS,
    ),
    Route(
        "reports.withdraw_message",
        lambda w: f"/messages/{w.shared_key_message.id}/withdraw",
        method="POST",
        allowed=STAFF,
    ),
]
