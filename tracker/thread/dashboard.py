"""The road-to-adoption timeline, with today placed among the milestones, and the ACT cards."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import load_only

from tracker.actions.lists import ActProgress, progress_by_act
from tracker.core.extensions import db
from tracker.drafts.services import drafts_in_order, latest_drafts
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft
from tracker.records.publishing import as_read
from tracker.records.reports import KeyMessage, Report
from tracker.thread.matrix import reflected_counts


@dataclass(frozen=True)
class TimelineEntry:
    milestone: Milestone | None  # None marks "today"
    state: str  # "past", "current", "future" or "today"


def timeline(milestones: Iterable[Milestone], on: date) -> list[TimelineEntry]:
    """Milestones in order, each marked past/current/future, with a "today" marker between."""
    entries: list[TimelineEntry] = []
    placed = False
    for milestone in milestones:
        if milestone.starts_on <= on <= milestone.last_day:
            entries.append(TimelineEntry(milestone, "current"))
            placed = True
            continue
        if not placed and milestone.starts_on > on:
            entries.append(TimelineEntry(None, "today"))
            placed = True
        entries.append(TimelineEntry(milestone, "past" if milestone.last_day < on else "future"))
    if not placed:
        entries.append(TimelineEntry(None, "today"))
    return entries


# The ACT cards ------------------------------------------------------------------------------

REPORT_STATUS_ORDER = ("accepted", "submitted", "returned", "draft")


@dataclass
class ActCard:
    """One ACT at a glance: its report, key messages, their standing in the latest draft,
    and its actions."""

    act: object
    report_status: str | None = None
    key_messages: int = 0
    reflected: int = 0
    progress: object = None

    @property
    def reflected_percent(self) -> int:
        return round(100 * self.reflected / self.key_messages) if self.key_messages else 0


def act_cards(acts: list, latest_draft, on: date, reader) -> list[ActCard]:
    """Every card in four aggregate queries, whatever the amount of data; the reader's
    visibility filter applies to each."""
    cards = {act.id: ActCard(act=act) for act in acts}
    statuses: dict[int, set[str]] = {}
    status_read = as_read(Report.status, reader)
    for act_id, status in db.session.execute(
        select(Report.act_id, status_read).group_by(Report.act_id, status_read)
    ):
        statuses.setdefault(act_id, set()).add(str(status))
    for act_id, found in statuses.items():
        if act_id in cards:
            cards[act_id].report_status = next(s for s in REPORT_STATUS_ORDER if s in found)
    active = KeyMessage.merged_into_id.is_(None)
    for act_id, count in db.session.execute(
        select(KeyMessage.act_id, func.count()).where(active).group_by(KeyMessage.act_id)
    ):
        if act_id in cards:
            cards[act_id].key_messages = count
    if latest_draft is not None:
        for act_id, count in reflected_counts(latest_draft.id).items():
            if act_id in cards:
                cards[act_id].reflected = count
    progress = progress_by_act(on)
    for act_id, card in cards.items():
        card.progress = progress.get(act_id, ActProgress())
    return list(cards.values())


ROAD_FIELDS = (Draft.id, Draft.name, Draft.released_on, Draft.milestone_id)


def drafts_on_the_road() -> Select:
    """Every draft, in release order, with what the timeline shows of it."""
    return drafts_in_order().options(load_only(*ROAD_FIELDS))


def latest_draft(on: date) -> Select:
    """The latest draft released by `on`."""
    return latest_drafts(on, 1).options(load_only(*ROAD_FIELDS))


def drafts_by_milestone(drafts: Iterable[Draft]) -> dict[int | None, list[Draft]]:
    """Drafts hung on their milestone (None: drafts without one)."""
    grouped: dict[int | None, list[Draft]] = {}
    for draft in drafts:
        grouped.setdefault(draft.milestone_id, []).append(draft)
    return grouped
