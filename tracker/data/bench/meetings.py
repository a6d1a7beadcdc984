"""Generated meetings after the demo's, with their sessions, ACTs and speakers."""

import math
from datetime import time, timedelta

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.bench import names
from tracker.data.bench.build import Build, SessionRow, count_rows
from tracker.data.bench.rows import insert_plain as _insert_plain
from tracker.data.bench.rows import insert_rows as _insert
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Speaker, session_act

SLOTS = (time(9, 0), time(10, 45), time(14, 0), time(16, 0))


def add_meetings(build: Build) -> None:
    rng, prose = build.rng, build.prose
    build.act_ids = list(db.session.scalars(select(Act.id).order_by(Act.number)))
    meetings = names.MEETINGS[: max(0, build.scale.meetings - count_rows(Meeting))]
    if not meetings:
        return
    meeting_ids = _insert(
        Meeting,
        [
            {
                **row,
                "ends_on": row["starts_on"] + timedelta(days=2),
                "summary": prose.paragraph("en"),
                "audience": "open",
            }
            for row in meetings
        ],
    )
    generated = max(0, build.scale.sessions - count_rows(MeetingSession))
    other = max(2, generated // 12)
    tables = (generated - other) // 3
    kinds = ["group_session"] * (generated - other - tables) + ["small_table"] * tables
    kinds += [rng.choice(("plenary", "panel", "keynote", "break")) for _ in range(other)]
    per_group = min(
        len(build.act_ids), math.ceil(build.scale.reports / max(1, kinds.count("group_session")))
    )
    per_table = min(len(build.act_ids), math.ceil(build.scale.outcomes / max(1, tables)))
    rows, act_lists = [], []
    for position, kind in enumerate(kinds):
        meeting_index = position % len(meetings)
        language = prose.language()
        count = {"group_session": per_group, "small_table": per_table}.get(kind, 0)
        acts = sorted(rng.sample(build.act_ids, count))
        act_lists.append(acts)
        rows.append(
            {
                "meeting_id": meeting_ids[meeting_index],
                "key": f"{kind.replace('_', '-')}-{position:03d}",
                "day": meetings[meeting_index]["starts_on"] + timedelta(days=rng.randrange(3)),
                "starts_at": (slot := rng.choice(SLOTS)),
                "ends_at": time(slot.hour + 1, 30),
                "kind": kind,
                "title": f"{kind.replace('_', ' ').capitalize()} {position + 1}: "
                + prose.title(language),
                "purpose": prose.paragraph(language, (1, 3)),
                "venue": f"Room {rng.randint(1, 12)}",
                "audience": "civil_society" if kind == "group_session" else "open",
                "languages": rng.sample(["en", "fr", "es"], rng.randint(1, 3)),
                "position": position,
            }
        )
    session_ids = _insert(MeetingSession, rows)
    links, speakers = [], []
    for session_id, row, acts in zip(session_ids, rows, act_lists, strict=True):
        links += [{"session_id": session_id, "act_id": act_id} for act_id in acts]
        for speaker_position in range(rng.randint(0, 3) if row["kind"] != "break" else 0):
            first, last = rng.choice(names.FIRST_NAMES), rng.choice(names.LAST_NAMES)
            speakers.append(
                {
                    "session_id": session_id,
                    "name": f"{first} {last}",
                    "organization_id": rng.choice(build.organization_ids),
                    "role": "moderator" if speaker_position == 0 else "speaker",
                    "tbc": rng.random() < 0.1,
                    "position": speaker_position,
                }
            )
        target = {"group_session": build.group_sessions, "small_table": build.table_sessions}
        if row["kind"] in target:
            target[row["kind"]].append(SessionRow(session_id, row["day"], acts))
    _insert_plain(session_act, links)
    _insert_plain(Speaker, speakers)
