"""The generated meeting record: notes with their revisions, reports with key messages and
workflow, the governments, and small-table outcomes with stances."""

import math
from datetime import timedelta
from itertools import product
from typing import Any

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.data.bench import names
from tracker.data.bench.build import CIVIL_SOCIETY, SHARED, Build, spread, unpublished
from tracker.data.bench.rows import insert_plain as _insert_plain
from tracker.data.bench.rows import insert_rows as _insert
from tracker.data.demo.record import government_rows
from tracker.records.notes import Note, NoteRevision
from tracker.records.reports import KeyMessage, Report, ReportEvent, ReportInternal, ReportPriority
from tracker.records.tables import Government, Stance, TableOutcome, table_outcome_government

REPORT_STATUS_WEIGHTS = {"accepted": 5, "submitted": 2, "draft": 2, "returned": 1}
POSITIONS = ("supportive", "open", "reserved", "opposed")
GOVERNMENTS_PER_TABLE = 5
MAX_NOTE_SECTIONS = 8


def add_notes(build: Build) -> None:
    rng, prose, scale = build.rng, build.prose, build.scale
    if not build.group_sessions or not scale.notes:
        return
    revision_counts = [1] * scale.notes
    for _ in range(max(0, scale.revisions - scale.notes)):
        revision_counts[rng.randrange(scale.notes)] += 1
    notes, histories = [], []
    for revisions in revision_counts:
        session = rng.choice(build.group_sessions)
        language = prose.language()
        sections = [prose.markdown(language, 1) for _ in range(min(revisions, MAX_NOTE_SECTIONS))]
        authors = [build.user("member", "rapporteur", "coordinator") for _ in range(revisions)]
        started = build.moment(session.day)
        title = prose.title(language)
        history = [
            {
                "number": number,
                "title": title,
                "body": "\n\n".join(sections[: min(number, MAX_NOTE_SECTIONS)]),
                "author_id": authors[number - 1],
                "created_at": started + timedelta(minutes=7 * number),
            }
            for number in range(1, revisions + 1)
        ]
        histories.append(history)
        notes.append(
            {
                "session_id": session.id,
                "act_id": rng.choice(session.act_ids) if session.act_ids else None,
                "title": title,
                "body": history[-1]["body"],
                "created_by_id": authors[0],
                "updated_by_id": authors[-1],
                "revision_count": revisions,
                "version": 1,
                "visibility": SHARED if rng.random() < 0.15 else CIVIL_SOCIETY,
                "created_at": started,
                "updated_at": history[-1]["created_at"],
            }
        )
    note_ids = _insert(Note, unpublished(notes))
    build.publish_later(Note, note_ids, [row["visibility"] == SHARED for row in notes])
    _insert_plain(
        NoteRevision,
        [
            {**revision, "note_id": note_id}
            for note_id, history in zip(note_ids, histories, strict=True)
            for revision in history
        ],
    )


def add_reports(build: Build) -> None:
    rng, prose, scale = build.rng, build.prose, build.scale
    pairs = [(s, act_id) for s in build.group_sessions for act_id in s.act_ids]
    rng.shuffle(pairs)
    pairs = pairs[: scale.reports]
    statuses, weights = list(REPORT_STATUS_WEIGHTS), list(REPORT_STATUS_WEIGHTS.values())
    reports, details = [], []
    for session, act_id in pairs:
        status = rng.choices(statuses, weights)[0]
        language = prose.language()
        written = build.moment(session.day, 3)
        shared = status == "accepted" and rng.random() < 0.6
        reports.append(
            {
                "act_id": act_id,
                "session_id": session.id,
                "rapporteur_id": build.user("rapporteur"),
                "status": status,
                "summary": prose.paragraph(language, (4, 8)),
                "submitted_at": written if status != "draft" else None,
                "accepted_at": written + timedelta(days=2) if status == "accepted" else None,
                "version": 1,
                "visibility": SHARED if shared else CIVIL_SOCIETY,
                "created_at": written - timedelta(hours=3),
                "updated_at": written,
            }
        )
        details.append((act_id, language, status, written, SHARED if shared else CIVIL_SOCIETY))
    report_ids = _insert(Report, unpublished(reports))
    build.publish_later(Report, report_ids, [row["visibility"] == SHARED for row in reports])
    priorities: list[dict[str, Any]] = []
    internals: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    per_report = spread(scale.key_messages, max(1, len(report_ids)))
    for report_id, (act_id, language, status, written, visibility), message_count in zip(
        report_ids, details, per_report, strict=False
    ):
        priorities += [
            {"report_id": report_id, "rank": rank, "text": prose.sentence(language)}
            for rank in (1, 2, 3)
        ]
        internals.append(
            {
                "report_id": report_id,
                "divergence": prose.paragraph(language, (1, 3)),
                "strategy_notes": prose.paragraph(language, (1, 2)),
            }
        )
        steps = [
            "assigned",
            "saved",
            *{"draft": [], "submitted": ["submitted"]}.get(status, ["submitted", status]),
        ]
        events += [
            {
                "report_id": report_id,
                "kind": kind,
                "actor_id": build.user("coordinator", "rapporteur"),
                "comment": prose.sentence(language) if kind == "returned" else "",
                "created_at": written + timedelta(hours=index),
            }
            for index, kind in enumerate(steps)
        ]
        messages += [
            {
                "act_id": act_id,
                "report_id": report_id,
                "rank": rank,
                "text": prose.ask(language),
                "version": 1,
                "visibility": visibility,
                "created_at": written,
                "updated_at": written,
            }
            for rank in range(1, message_count + 1)
        ]
    _insert_plain(ReportPriority, priorities)
    _insert_plain(ReportInternal, internals)
    _insert_plain(ReportEvent, events)
    message_ids = _insert(KeyMessage, unpublished(messages))
    build.publish_later(KeyMessage, message_ids, [row["visibility"] == SHARED for row in messages])
    for message_id, row in zip(message_ids, messages, strict=True):
        build.messages_by_act.setdefault(row["act_id"], []).append(message_id)
        build.message_ids.append(message_id)


def add_governments(build: Build) -> None:
    existing = set(db.session.scalars(select(Government.name)))
    rows = [
        {**row, "kind": str(row["kind"])}
        for row in government_rows()
        if row["name"] not in existing
    ]
    _insert(Government, rows)
    build.government_ids = list(
        db.session.scalars(
            select(Government.id).where(Government.kind == "member_state").order_by(Government.name)
        )
    )


def add_table_outcomes(build: Build) -> None:
    rng, prose, scale = build.rng, build.prose, build.scale
    pairs = [(s, act_id) for s in build.table_sessions for act_id in s.act_ids]
    rng.shuffle(pairs)
    pairs = [(s, a) for s, a in pairs if build.messages_by_act.get(a)][: scale.outcomes]
    outcomes = []
    for session, act_id in pairs:
        language = prose.language()
        shared = rng.random() < 0.85
        recorded = build.moment(session.day)
        outcomes.append(
            {
                "act_id": act_id,
                "session_id": session.id,
                "civil_society_participants": ", ".join(rng.sample(names.LAST_NAMES, 4)),
                "summary": prose.paragraph(language, (3, 6)),
                "commitments": prose.paragraph(language, (1, 3)),
                "follow_ups": prose.paragraph(language, (1, 2)),
                "chatham_house": not shared,
                "recorded_by_id": build.user("coordinator", "rapporteur"),
                "version": 1,
                "visibility": SHARED if shared else CIVIL_SOCIETY,
                "created_at": recorded,
                "updated_at": recorded,
            }
        )
    outcome_ids = _insert(TableOutcome, unpublished(outcomes))
    build.publish_later(
        TableOutcome, outcome_ids, [row["visibility"] == SHARED for row in outcomes]
    )
    attendance, stances = [], []
    per_outcome = spread(scale.stances, max(1, len(outcome_ids)))
    for outcome_id, (_session, act_id), count in zip(outcome_ids, pairs, per_outcome, strict=True):
        governments = sorted(rng.sample(build.government_ids, GOVERNMENTS_PER_TABLE))
        pool = build.messages_by_act[act_id]
        wanted = math.ceil(count / GOVERNMENTS_PER_TABLE)
        messages = sorted(rng.sample(pool, min(len(pool), wanted)))
        attendance += [{"outcome_id": outcome_id, "government_id": g} for g in governments]
        stances += [
            {
                "outcome_id": outcome_id,
                "government_id": government_id,
                "key_message_id": message_id,
                "position": rng.choice(POSITIONS),
                "note": build.prose.sentence("en") if rng.random() < 0.3 else "",
            }
            for government_id, message_id in list(product(governments, messages))[:count]
        ]
    _insert_plain(table_outcome_government, attendance)
    _insert_plain(Stance, stances)
