"""How much data each benchmark scale holds (scales.toml).

People, organisations, meetings and sessions are totals (the demo's count towards them);
the records are generated on top of whatever the demo holds.
"""

from dataclasses import dataclass

from tracker.data.files import read_toml


@dataclass(frozen=True)
class Scale:
    meetings: int
    sessions: int
    users: int
    organizations: int
    notes: int
    revisions: int
    reports: int
    key_messages: int
    outcomes: int
    stances: int
    drafts: int  # in all, the demo's included
    paragraphs: int  # per generated draft
    reflections: int
    actions: int = 0
    action_updates: int = 0  # log lines in all, the "created" ones included
    notifications: int = 0


SCALES: dict[str, Scale] = {
    name: Scale(**counts) for name, counts in read_toml(__package__, "scales.toml").items()
}
