"""Generate a realistic workspace for the benchmark, fast and deterministically.

Rows go in with ORM bulk inserts (`insert(Model)` with a list of dicts); parents are
inserted with `RETURNING id` in parameter order, so children can point at them on SQLite
and PostgreSQL alike. Each step reads what earlier steps left in the `Build` and adds its
own; a new feature adds a step to STEPS and its counts to `Scale`.
"""

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import product
from typing import Any

from sqlalchemy import func, select

from tracker.auth.passwords import hash_password
from tracker.bench import people
from tracker.bench.actions import add_actions
from tracker.bench.rows import insert_plain as _insert_plain
from tracker.bench.rows import insert_rows as _insert
from tracker.bench.scales import SCALES, Scale
from tracker.bench.text import Prose
from tracker.core.extensions import db
from tracker.data.demo import DEMO_PASSWORD, load_demo
from tracker.records.accounts import Organization, User
from tracker.records.actions import Action, ActionUpdate
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Speaker, session_act
from tracker.records.drafts import Draft, DraftParagraph, Reflection, reflection_paragraph
from tracker.records.notes import Note, NoteRevision
from tracker.records.notifications import Notification
from tracker.records.publishing import publish_new
from tracker.records.reports import KeyMessage, Report, ReportEvent, ReportInternal, ReportPriority
from tracker.records.tables import Government, Stance, TableOutcome, table_outcome_government
from tracker.text.redaction import member_states, un_agencies

SHARED, CIVIL_SOCIETY = "shared", "civil_society"
SLOTS = (time(9, 0), time(10, 45), time(14, 0), time(16, 0))
ROLE_WEIGHTS = {"admin": 1, "coordinator": 5, "rapporteur": 10, "member": 69, "observer": 15}
REPORT_STATUS_WEIGHTS = {"accepted": 5, "submitted": 2, "draft": 2, "returned": 1}
POSITIONS = ("supportive", "open", "reserved", "opposed")
GOVERNMENTS_PER_TABLE = 5
MAX_NOTE_SECTIONS = 8
LEVEL_WEIGHTS = {"absent": 3, "weak": 2, "partial": 3, "strong": 2}
# Later versions of the negotiated text the benchmark adds to the demo's zero draft and final text.
DRAFT_NAMES = (
    ("Zero draft plus", date(2018, 3, 5)),
    ("Revision 1", date(2018, 3, 26)),
    ("Revision 2", date(2018, 5, 28)),
    ("Revision 3", date(2018, 6, 29)),
    ("Revision 4", date(2018, 7, 9)),
)


class BenchDataExists(RuntimeError):
    """The database already holds generated data."""


@dataclass
class SessionRow:
    id: int
    day: date
    act_ids: list[int]


@dataclass
class Build:
    rng: random.Random
    scale: Scale
    prose: Prose
    act_ids: list[int] = field(default_factory=list)
    users: dict[str, list[int]] = field(default_factory=dict)
    organization_ids: list[int] = field(default_factory=list)
    group_sessions: list[SessionRow] = field(default_factory=list)
    table_sessions: list[SessionRow] = field(default_factory=list)
    government_ids: list[int] = field(default_factory=list)
    messages_by_act: dict[int, list[int]] = field(default_factory=dict)
    message_ids: list[int] = field(default_factory=list)
    # What the last step publishes to governments, by model: rows are written civil-society
    # only, then published through the ORM like a coordinator would.
    to_publish: dict[Any, list[int]] = field(default_factory=dict)

    def publish_later(self, model: Any, ids: list[int], shared: list[bool]) -> None:
        chosen = [row_id for row_id, flag in zip(ids, shared, strict=True) if flag]
        self.to_publish.setdefault(model, []).extend(chosen)

    def user(self, *roles: str) -> int:
        return self.rng.choice([uid for role in roles for uid in self.users.get(role, [])])

    def moment(self, day: date, within_days: int = 1) -> datetime:
        start = datetime.combine(day, time(8, 0), tzinfo=UTC)
        return start + timedelta(minutes=self.rng.randrange(within_days * 24 * 60))


def has_bench_data() -> bool:
    slugs = [meeting["slug"] for meeting in people.MEETINGS]
    return db.session.scalar(select(Meeting.id).where(Meeting.slug.in_(slugs)).limit(1)) is not None


def generate(scale: str | Scale, seed: int = 1) -> dict[str, int]:
    """Load the demo, then add `scale` worth of data; return the row count per table."""
    load_demo()
    if has_bench_data():
        raise BenchDataExists("This database already holds benchmark data; use an empty one.")
    rng = random.Random(seed)
    build = Build(
        rng=rng, scale=SCALES[scale] if isinstance(scale, str) else scale, prose=Prose(rng)
    )
    for step in STEPS:
        step(build)
    db.session.commit()
    return row_counts()


def row_counts() -> dict[str, int]:
    models = (Meeting, MeetingSession, User, Organization, Note, NoteRevision, Report)
    models += (KeyMessage, TableOutcome, Stance, Draft, DraftParagraph, Reflection)
    models += (Action, ActionUpdate, Notification)
    return {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in models
    }


def _count(model: Any) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _spread(total: int, parts: int) -> list[int]:
    """`total` split over `parts` as evenly as possible."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


# --- steps -------------------------------------------------------------------------------


def add_organizations(build: Build) -> None:
    rng = build.rng
    names = set(db.session.scalars(select(Organization.name)))
    rows = []
    for n in range(max(0, build.scale.organizations - len(names))):
        language = rng.randrange(3)
        stem, focus = rng.choice(people.ORGANIZATION_STEMS), rng.choice(people.ORGANIZATION_FOCUS)
        region = rng.choice(people.REGIONS)
        name = f"{stem[language]} {focus[language]} ({region})"
        if name in names:
            name = f"{name} {n + 1}"
        names.add(name)
        signed = rng.random() < 0.7
        rows.append(
            {
                "name": name,
                "acronym": "".join(w[0] for w in name.split() if w[0].isupper())[:10],
                "region": region,
                "kind": rng.choice(people.ORGANIZATION_KINDS),
                "signed_on": date(2017, 10, 1) + timedelta(days=rng.randrange(60))
                if signed
                else None,
            }
        )
    _insert(Organization, rows)
    build.organization_ids = list(db.session.scalars(select(Organization.id).order_by("id")))


def add_users(build: Build) -> None:
    rng = build.rng
    password_hash = hash_password(DEMO_PASSWORD)  # one hash: every generated account can sign in
    roles, weights = list(ROLE_WEIGHTS), list(ROLE_WEIGHTS.values())
    rows = []
    for n in range(max(0, build.scale.users - _count(User))):
        first, last = rng.choice(people.FIRST_NAMES), rng.choice(people.LAST_NAMES)
        email = f"{people.ascii_slug(first)}.{people.ascii_slug(last)}.{n}@example.net"
        rows.append(
            {
                "email": email,
                "name": f"{first} {last}",
                "role": rng.choices(roles, weights)[0],
                "organization_id": rng.choice(build.organization_ids),
                "password_hash": password_hash,
                "locale": rng.choice((None, "en", "fr", "es")),
                "active": rng.random() > 0.02,
                "session_token": f"{rng.getrandbits(192):048x}",
            }
        )
    _insert(User, rows)
    for user_id, role in db.session.execute(select(User.id, User.role).order_by(User.id)):
        build.users.setdefault(str(role), []).append(user_id)


def add_meetings(build: Build) -> None:
    rng, prose = build.rng, build.prose
    build.act_ids = list(db.session.scalars(select(Act.id).order_by(Act.number)))
    meetings = people.MEETINGS[: max(0, build.scale.meetings - _count(Meeting))]
    if not meetings:
        return
    meeting_ids = _insert(
        Meeting,
        [
            {
                **row,
                "ends_on": row["starts_on"] + timedelta(days=2),
                "summary": prose.paragraph("en"),
            }
            for row in meetings
        ],
    )
    generated = max(0, build.scale.sessions - _count(MeetingSession))
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
            first, last = rng.choice(people.FIRST_NAMES), rng.choice(people.LAST_NAMES)
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
    note_ids = _insert(Note, _unpublished(notes))
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
    report_ids = _insert(Report, _unpublished(reports))
    build.publish_later(Report, report_ids, [row["visibility"] == SHARED for row in reports])
    priorities, internals, events, messages = [], [], [], []
    per_report = _spread(scale.key_messages, max(1, len(report_ids)))
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
        steps = ["assigned", "saved"] + {"draft": [], "submitted": ["submitted"]}.get(
            status, ["submitted", status]
        )
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
    message_ids = _insert(KeyMessage, _unpublished(messages))
    build.publish_later(KeyMessage, message_ids, [row["visibility"] == SHARED for row in messages])
    for message_id, row in zip(message_ids, messages, strict=True):
        build.messages_by_act.setdefault(row["act_id"], []).append(message_id)
        build.message_ids.append(message_id)


def add_governments(build: Build) -> None:
    existing = set(db.session.scalars(select(Government.name)))
    rows = [{"name": n, "kind": "member_state"} for _, n in member_states() if n not in existing]
    rows += [{"name": n, "kind": "un_agency"} for n in un_agencies() if n not in existing]
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
                "civil_society_participants": ", ".join(rng.sample(people.LAST_NAMES, 4)),
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
    outcome_ids = _insert(TableOutcome, _unpublished(outcomes))
    build.publish_later(
        TableOutcome, outcome_ids, [row["visibility"] == SHARED for row in outcomes]
    )
    attendance, stances = [], []
    per_outcome = _spread(scale.stances, max(1, len(outcome_ids)))
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


def add_drafts(build: Build) -> None:
    rng, prose, scale = build.rng, build.prose, build.scale
    names = DRAFT_NAMES[: max(0, scale.drafts - _count(Draft))]
    previous_id = db.session.scalar(select(Draft.id).order_by(Draft.released_on).limit(1))
    author = build.user("coordinator")
    previous_paragraphs: list[int] = []
    for name, released_on in names:
        texts = [prose.ask("en") for _ in range(scale.paragraphs)]
        (draft_id,) = _insert(
            Draft,
            [
                {
                    "name": name,
                    "released_on": released_on,
                    "source_text": "\n\n".join(texts),
                    "created_by_id": author,
                    "previous_id": previous_id,
                }
            ],
        )
        rows = []
        for position, text in enumerate(texts):
            aligned = previous_paragraphs[position] if position < len(previous_paragraphs) else None
            rows.append(
                {
                    "draft_id": draft_id,
                    "position": position,
                    "ref": f"{position + 1}",
                    "heading_level": 0,
                    "section": f"Objective {position // 15 + 1}",
                    "text": text,
                    "change": rng.choice(("unchanged", "changed")) if aligned else "new",
                    "previous_paragraph_id": aligned,
                }
            )
        previous_paragraphs = _insert(DraftParagraph, rows)
        previous_id = draft_id


def add_reflections(build: Build) -> None:
    rng, prose = build.rng, build.prose
    drafts = list(
        db.session.execute(select(Draft.id, Draft.released_on).order_by(Draft.released_on))
    )
    paragraphs: dict[int, list[int]] = {}
    for paragraph_id, draft_id in db.session.execute(
        select(DraftParagraph.id, DraftParagraph.draft_id).order_by(DraftParagraph.id)
    ):
        paragraphs.setdefault(draft_id, []).append(paragraph_id)
    pairs = list(product(build.message_ids, drafts))[: build.scale.reflections]
    levels, weights = list(LEVEL_WEIGHTS), list(LEVEL_WEIGHTS.values())
    rows = []
    for message_id, (draft_id, released_on) in pairs:
        level = rng.choices(levels, weights)[0]
        recorded = build.moment(released_on, 20)
        rows.append(
            {
                "key_message_id": message_id,
                "draft_id": draft_id,
                "level": level,
                "state": "current",
                "excerpt": "" if level == "absent" else prose.ask("en"),
                "note": prose.sentence("en") if rng.random() < 0.3 else "",
                "recorded_by_id": build.user("coordinator", "rapporteur"),
                "recorded_at": recorded,
                "version": 1,
                "created_at": recorded,
                "updated_at": recorded,
            }
        )
    links = [
        {"reflection_id": reflection_id, "paragraph_id": rng.choice(paragraphs[row["draft_id"]])}
        for reflection_id, row in zip(_insert(Reflection, rows), rows, strict=True)
        if row["level"] != "absent" and paragraphs.get(row["draft_id"])
    ]
    _insert_plain(reflection_paragraph, links)


def _unpublished(rows: list[dict]) -> list[dict]:
    return [{**row, "visibility": CIVIL_SOCIETY} for row in rows]


PUBLISH_BATCH = 500


def publish_shared(build: Build) -> None:
    """Publish what the steps chose to share, as coordinators would (snapshots and all)."""
    db.session.flush()
    for model, ids in build.to_publish.items():
        for start in range(0, len(ids), PUBLISH_BATCH):
            chunk = ids[start : start + PUBLISH_BATCH]
            for record in db.session.scalars(select(model).where(model.id.in_(chunk))):
                publish_new(record, None, record.updated_at)
            db.session.flush()
            db.session.expunge_all()


STEPS: list[Callable[[Build], None]] = [
    add_organizations,
    add_users,
    add_meetings,
    add_notes,
    add_reports,
    add_governments,
    add_table_outcomes,
    add_drafts,
    add_reflections,
    add_actions,
    publish_shared,
]
