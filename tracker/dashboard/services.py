"""The road-to-adoption timeline, with today placed among the milestones."""

from dataclasses import dataclass
from datetime import date

from tracker.agenda.models import Milestone


@dataclass(frozen=True)
class TimelineEntry:
    milestone: Milestone | None  # None marks "today"
    state: str  # "past", "current", "future" or "today"


def timeline(milestones: list[Milestone], on: date) -> list[TimelineEntry]:
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
