"""Demo next-step actions across the ACTs and the negotiation rounds of 2018.

The demo's today is 20 March 2018, between the second and third rounds: some actions are
done, some overdue, most due before the next rounds. Loading twice changes nothing (an
action is found by its title).
"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from tracker.core.extensions import db
from tracker.records.accounts import Organization, User
from tracker.records.actions import Action, ActionStatus, ActionUpdate, ActionUpdateKind
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.base import Visibility
from tracker.records.publishing import publish_new
from tracker.records.reports import KeyMessage
from tracker.records.tables import TableOutcome

COORDINATOR = "coordinator@example.org"

# (ACT, title, owner email or None, organisation name or None, due, milestone key, priority,
#  status, visibility, source: "message" | "outcome" | None, progress note)
ACTIONS = [
    (
        1,
        "Brief the co-facilitators on climate-related displacement language",
        "member@example.org",
        "Global Coalition on Migration",
        date(2018, 3, 12),
        "negotiation-round-2",
        "high",
        "done",
        "civil_society",
        "message",
        "Briefing held on 8 March; they asked for two paragraphs of text.",
    ),
    (
        1,
        "Draft alternative text for the objective on adverse drivers",
        "rapporteur@example.org",
        None,
        date(2018, 4, 2),
        "negotiation-round-3",
        "high",
        "in_progress",
        "civil_society",
        None,
        "First version circulated to the ACT 1 group.",
    ),
    (
        2,
        "Map regular pathways already open in the Americas for the round 3 side event",
        "member@example.org",
        "Bloque Latinoamericano sobre Migración",
        date(2018, 3, 15),
        "negotiation-round-2",
        "medium",
        "open",
        "civil_society",
        "message",
        "",
    ),
    (
        2,
        "Collect family reunification cases from member organisations",
        None,
        "International Catholic Migration Commission",
        date(2018, 4, 20),
        "draft-rev-2",
        "medium",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        3,
        "Circulate the joint statement on ending child immigration detention",
        "coordinator@example.org",
        "Save the Children UK",
        date(2018, 2, 28),
        "negotiation-round-2",
        "high",
        "done",
        "shared",
        "message",
        "Sent to all missions in New York on 26 February.",
    ),
    (
        3,
        "Follow up with the governments that were open to firewalls at the small table",
        "member@example.org",
        None,
        date(2018, 3, 16),
        "negotiation-round-3",
        "high",
        "blocked",
        "civil_society",
        "outcome",
        "Waiting for the missions to name a contact person.",
    ),
    (
        3,
        "Prepare a one-page note on search and rescue for the third round",
        "rapporteur@example.org",
        "ACT Alliance",
        date(2018, 3, 30),
        "negotiation-round-3",
        "medium",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        4,
        "Gather union positions on fair recruitment and zero fees",
        "member@example.org",
        "Solidarity Center",
        date(2018, 3, 9),
        "negotiation-round-2",
        "high",
        "open",
        "civil_society",
        "message",
        "",
    ),
    (
        4,
        "Share the ILO fair recruitment guidelines with friendly missions",
        None,
        "Migrant Forum in Asia",
        date(2018, 4, 3),
        "negotiation-round-3",
        "medium",
        "in_progress",
        "shared",
        "outcome",
        "Three missions reached so far.",
    ),
    (
        5,
        "Compile cases of access to justice regardless of status",
        "rapporteur@example.org",
        "Platform for International Cooperation on Undocumented Migrants",
        date(2018, 3, 23),
        "negotiation-round-3",
        "medium",
        "in_progress",
        "civil_society",
        "message",
        "Twelve cases in, from eight countries.",
    ),
    (
        5,
        "Meet the EU delegation on service provision and firewalls",
        "coordinator@example.org",
        "Platform for International Cooperation on Undocumented Migrants",
        date(2018, 5, 14),
        "negotiation-round-4",
        "low",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        6,
        "Ask UNESCO for recognition-of-qualifications examples",
        "member@example.org",
        None,
        date(2018, 4, 27),
        "draft-rev-2",
        "low",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        7,
        "Draft language against xenophobic political discourse",
        "rapporteur@example.org",
        "National Network for Immigrant and Refugee Rights",
        date(2018, 3, 5),
        "negotiation-round-2",
        "high",
        "done",
        "civil_society",
        None,
        "Text sent to the co-facilitators with the round 2 input.",
    ),
    (
        7,
        "Organise a side event on anti-discrimination with diaspora groups",
        None,
        "Africa-Europe Diaspora Development Platform",
        date(2018, 6, 4),
        "negotiation-round-5",
        "medium",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        8,
        "Publish a brief on remittance costs for the development objective",
        "member@example.org",
        "Africa-Europe Diaspora Development Platform",
        date(2018, 3, 19),
        "negotiation-round-3",
        "medium",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        9,
        "Document post-deportation cases for the return objective",
        None,
        "Deportados Unidos en la Lucha",
        date(2018, 4, 9),
        "negotiation-round-3",
        "high",
        "open",
        "civil_society",
        None,
        "",
    ),
    (
        9,
        "Propose monitoring language for safe and dignified return",
        "rapporteur@example.org",
        None,
        date(2018, 2, 20),
        "zero-draft-plus",
        "medium",
        "dropped",
        "civil_society",
        None,
        "Covered by ACT 10's proposal on monitoring.",
    ),
    (
        10,
        "Propose a civil-society role in the review forum",
        "coordinator@example.org",
        "International Council of Voluntary Agencies",
        date(2018, 5, 7),
        "draft-rev-2",
        "high",
        "in_progress",
        "shared",
        None,
        "Outline agreed with the ACT 10 group.",
    ),
    (
        10,
        "Set up the tracker for the regional reviews",
        "coordinator@example.org",
        "International Council of Voluntary Agencies",
        date(2018, 7, 13),
        "adoption-marrakech",
        "low",
        "open",
        "civil_society",
        None,
        "",
    ),
]

LOG_START = datetime(2017, 12, 8, 10, 0, tzinfo=UTC)


def load_actions() -> None:
    existing = set(db.session.scalars(select(Action.title)))
    if all(row[1] in existing for row in ACTIONS):
        return
    acts = {act.number: act for act in db.session.scalars(select(Act))}
    users = {user.email: user for user in db.session.scalars(select(User))}
    organizations = {org.name: org for org in db.session.scalars(select(Organization))}
    milestones = {m.key: m for m in db.session.scalars(select(Milestone))}
    messages = {}
    for message in db.session.scalars(
        select(KeyMessage).where(KeyMessage.merged_into_id.is_(None)).order_by(KeyMessage.rank)
    ):
        messages.setdefault(message.act_id, message)
    outcomes = {o.act_id: o for o in db.session.scalars(select(TableOutcome))}
    coordinator = users[COORDINATOR]
    for index, row in enumerate(ACTIONS):
        (number, title, owner, org, due, milestone, priority, status, visibility, source, note) = (
            row
        )
        if title in existing:
            continue
        act = acts[number]
        created = LOG_START + timedelta(days=index * 3)
        action = Action(
            act=act,
            title=title,
            description="",
            owner=users.get(owner) if owner else None,
            organization=organizations.get(org) if org else None,
            due_on=due,
            milestone=milestones.get(milestone),
            priority=priority,
            status=status,
            key_message=messages.get(act.id) if source == "message" else None,
            outcome=outcomes.get(act.id) if source == "outcome" else None,
            created_by_id=coordinator.id,
            created_at=created,
            changed_at=created + timedelta(days=20) if status != "open" else created,
        )
        if Visibility(visibility) == Visibility.SHARED:
            publish_new(action, coordinator, created)
        db.session.add(action)
        db.session.add(
            ActionUpdate(
                action=action,
                kind=ActionUpdateKind.CREATED,
                actor_id=coordinator.id,
                to_status=ActionStatus.OPEN,
                created_at=created,
            )
        )
        if status != "open":
            mover = coordinator if status == "dropped" else (action.owner or coordinator)
            db.session.add(
                ActionUpdate(
                    action=action,
                    kind=ActionUpdateKind.STATUS,
                    actor_id=mover.id,
                    from_status=ActionStatus.OPEN,
                    to_status=ActionStatus(status),
                    note=note,
                    created_at=created + timedelta(days=20),
                )
            )
    db.session.flush()
