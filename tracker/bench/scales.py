"""How much data each benchmark scale holds.

People, organisations, meetings and sessions are totals (the demo's count towards them);
the records are generated on top of whatever the demo holds.
"""

from dataclasses import dataclass


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
    "small": Scale(
        meetings=2,
        sessions=60,
        users=60,
        organizations=40,
        notes=100,
        revisions=300,
        reports=40,
        key_messages=160,
        outcomes=20,
        stances=200,
        drafts=4,
        paragraphs=40,
        reflections=400,
        actions=200,
        action_updates=600,
        notifications=50,
    ),
    "medium": Scale(
        meetings=3,
        sessions=120,
        users=500,
        organizations=120,
        notes=1_000,
        revisions=4_000,
        reports=300,
        key_messages=1_500,
        outcomes=150,
        stances=3_000,
        drafts=5,
        paragraphs=150,
        reflections=5_000,
        actions=4_000,
        action_updates=12_000,
        notifications=1_000,
    ),
    "large": Scale(
        meetings=3,
        sessions=200,
        users=2_000,
        organizations=300,
        notes=5_000,
        revisions=20_000,
        reports=1_000,
        key_messages=5_000,
        outcomes=500,
        stances=10_000,
        drafts=6,
        paragraphs=300,
        reflections=30_000,
        actions=20_000,
        action_updates=60_000,
        notifications=5_000,
    ),
}
