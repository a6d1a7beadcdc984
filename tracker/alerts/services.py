"""Comparing each carried ask's paragraph with its previous version, and reading the alerts.

Visibility: alerts are civil society only (the policy's `see_alerts`); observers' queries
return none (Alert declares no shared rows).
"""

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.core.extensions import db
from tracker.records.accounts import User
from tracker.records.acts import Act
from tracker.records.alerts import Alert, AlertKind
from tracker.records.drafts import Draft, Level, Reflection, ReflectionState
from tracker.records.events import alerts_raised
from tracker.records.reports import KeyMessage
from tracker.text.alignment import normalise
from tracker.text.weakening import Verdict, compare

KINDS = {
    Verdict.WEAKENED: AlertKind.WEAKENED,
    Verdict.STRENGTHENED: AlertKind.STRENGTHENED,
    Verdict.UNCHANGED: AlertKind.CHANGED,
}
PER_PAGE = 50


def on_draft_added(draft: Draft, actor: User | None = None, **_extra) -> None:
    """The receiver of `events.draft_added`: compare, store, and tell (the sender commits)."""
    alerts = raise_alerts(draft)
    if alerts:
        alerts_raised.send(draft, alerts=alerts, actor=actor)


def _carried(draft: Draft) -> Select:
    """The reflections carried onto `draft` whose paragraphs changed or were deleted, with
    the paragraphs they were carried from and their key message."""
    return (
        select(Reflection)
        .where(
            Reflection.draft_id == draft.id,
            Reflection.carried_from_id.is_not(None),
            Reflection.state.in_([ReflectionState.TO_REVIEW, ReflectionState.LOST]),
            Reflection.level != Level.ABSENT,
        )
        .options(
            selectinload(Reflection.paragraphs),
            joinedload(Reflection.carried_from).selectinload(Reflection.paragraphs),
            joinedload(Reflection.key_message),
        )
        .order_by(Reflection.id)
    )


def _joined(paragraphs) -> tuple[str, str]:
    refs = ", ".join(p.ref for p in paragraphs)
    return refs, "\n".join(p.text for p in paragraphs)


def raise_alerts(draft: Draft) -> list[Alert]:
    """One alert per carried ask whose paragraph text changed (or was deleted); flushed."""
    alerts = []
    for reflection in db.session.scalars(_carried(draft)):
        before = reflection.carried_from
        if before is None or not before.paragraphs:
            continue
        old_ref, old_text = _joined(before.paragraphs)
        new_ref, new_text = _joined(reflection.paragraphs)
        deleted = not reflection.paragraphs
        if not deleted and normalise(old_text) == normalise(new_text):
            continue
        found = compare(old_text, None if deleted else new_text, reflection.key_message.text)
        alert = Alert(
            draft=draft,
            key_message_id=reflection.key_message_id,
            reflection=reflection,
            kind=KINDS[found.verdict],
            deleted=deleted,
            old_ref=old_ref[:200],
            new_ref=new_ref[:200],
            old_text=old_text,
            new_text=new_text,
            wording_lost="; ".join(found.softened),
            wording_gained="; ".join(found.firmed),
            words_lost="; ".join(found.words_lost),
            words_gained="; ".join(found.words_gained),
        )
        db.session.add(alert)
        alerts.append(alert)
    db.session.flush()
    return alerts


# Reading --------------------------------------------------------------------------------

KIND_ORDER = case(
    (Alert.kind == AlertKind.WEAKENED, 0), (Alert.kind == AlertKind.STRENGTHENED, 1), else_=2
)


def alerts_of(draft_id: int, kind: AlertKind | None = None) -> Select:
    """The draft's alerts, weakened first, then by ACT and key message, with what the page
    shows of each."""
    query = (
        select(Alert)
        .join(Alert.key_message)
        .join(KeyMessage.act)
        .where(Alert.draft_id == draft_id)
        .options(joinedload(Alert.key_message).joinedload(KeyMessage.act))
        .order_by(KIND_ORDER, Act.number, KeyMessage.rank, Alert.id)
    )
    if kind is not None:
        query = query.where(Alert.kind == kind)
    return query


def kind_counts(draft_id: int) -> dict[AlertKind, int]:
    """How many alerts of each kind the draft raised, in one query."""
    counts = dict.fromkeys(AlertKind, 0)
    for kind, count in db.session.execute(
        select(Alert.kind, func.count()).where(Alert.draft_id == draft_id).group_by(Alert.kind)
    ):
        counts[AlertKind(kind)] = count
    return counts


def split_list(text: str) -> list[str]:
    return [item for item in text.split("; ") if item]
