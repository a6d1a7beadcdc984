"""The permission matrix: every route of the app, and what each role gets there.

Each folder of the tests declares the routes of its package in its `access.py`, as a list
`ROUTES` of `Route`, written with the role sets, refusals and form data of this module;
`tests/test_access_matrix.py` walks every declared route as every role (and signed out)
and fails when a route of `app.url_map` has no entry.

`World` holds one record of each kind, both civil-society-only and shared, and one
signed-in user per role (the rapporteur is the one assigned to `report`, the member owns
the actions and their notification).
"""

import base64
import hashlib
import importlib
import pkgutil
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, time

import tests
from tests import factories
from tracker.records.policy import Role

FEED_TOKEN = "world-calendar-feed-token"

# Who gets through.
ALL_ROLES = frozenset(role.value for role in Role)
CIVIL_SOCIETY = frozenset({"admin", "coordinator", "rapporteur", "member"})
STAFF = frozenset({"admin", "coordinator"})
RAPPORTEUR = frozenset({"rapporteur"})
MEMBER = frozenset({"member"})
NOBODY: frozenset[str] = frozenset()


# What the others get: 403, unless the record is one they may not see.
def not_found_for(roles: Collection[str]) -> dict[str, int]:
    """404 for these roles, as if the record did not exist."""
    return {role: 404 for role in roles}


HIDDEN_FROM_OBSERVERS = not_found_for({"observer"})
NOT_FOUND_FOR_ANYONE = not_found_for(ALL_ROLES)


def b64(text: str) -> str:
    """A file as an import's confirmation form carries it."""
    return base64.b64encode(text.encode()).decode("ascii")


def versioned(record, **fields: str) -> dict[str, str]:
    """What a form posts to change `record`: its fields and the version it was read at."""
    return {"version": str(record.version), **fields}


@dataclass(frozen=True)
class Route:
    endpoint: str
    url: Callable[["World"], str]
    method: str = "GET"
    # Roles that get through (any answer but 401/403/404 and 5xx).
    allowed: frozenset[str] = ALL_ROLES
    # What the others get, by role; 403 unless said otherwise (404 for what they may not see).
    refused: dict[str, int] = field(default_factory=dict)
    data: Callable[["World"], dict] | None = None
    # Signed-out visitors: redirected to sign-in unless the route is public.
    public: bool = False
    # A read API endpoint: the role reads it with its personal token; without one, 401.
    api: bool = False

    def expected_refusal(self, role: str) -> int:
        return self.refused.get(role, 403)


def declared_routes() -> list[Route]:
    """The `ROUTES` of every folder's `access.py`."""
    routes: list[Route] = []
    for module_info in pkgutil.iter_modules(tests.__path__):
        if not module_info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{module_info.name}.access")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{module_info.name}.access":
                raise
            continue
        routes.extend(module.ROUTES)
    return routes


class World:
    """One of everything, created inside the test's app context."""

    def __init__(self) -> None:
        self.users = {
            role: factories.UserFactory(role=role, email=f"{role}@world.example")
            for role in ALL_ROLES
        }
        self.other_user = factories.UserFactory(role="member", email="other@world.example")
        self.meeting = factories.MeetingFactory(slug="world-meeting")
        self.act = factories.ActFactory(number=3, title="Protection")
        self.other_act = factories.ActFactory(number=4, title="Decent work and labour rights")
        self.group_session = factories.MeetingSessionFactory(
            meeting=self.meeting,
            kind="group_session",
            audience="civil_society",
            acts=[self.act],
            title="Group session: ACT 3",
        )
        self.small_table = factories.MeetingSessionFactory(
            meeting=self.meeting,
            kind="small_table",
            audience="open",
            acts=[self.act],
            day=date(2017, 12, 3),
            starts_at=time(10, 30),
            ends_at=time(12, 30),
            title="Small table: ACT 3",
        )
        self.milestone = factories.MilestoneFactory()
        # A meeting of civil society alone: observers never see it, nor anything in it.
        self.closed_meeting = factories.MeetingFactory(
            slug="world-closed-meeting", audience="civil_society"
        )
        self.closed_item = factories.MeetingSessionFactory(
            meeting=self.closed_meeting, audience="open", title="Closed meeting's item"
        )
        self.organization = factories.OrganizationFactory(name="World Network")
        self.note = factories.NoteFactory(
            session=self.group_session, act=self.act, visibility="civil_society"
        )
        self.shared_note = factories.NoteFactory(
            session=self.small_table, act=self.act, visibility="shared"
        )
        factories.NoteRevisionFactory(note=self.note, number=1)
        factories.NoteRevisionFactory(note=self.note, number=2, body="A second version.")
        self.note.revision_count = 2
        factories.NoteRevisionFactory(note=self.shared_note, number=1)
        self.shared_note.revision_count = 1
        self.report = factories.ReportFactory(
            act=self.act,
            session=self.group_session,
            rapporteur=self.users["rapporteur"],
            status="submitted",
        )
        self.draft_report = factories.ReportFactory(
            act=self.other_act,
            session=self.group_session,
            rapporteur=self.users["rapporteur"],
            status="draft",
        )
        self.accepted_report = factories.ReportFactory(
            act=self.act,
            session=factories.MeetingSessionFactory(meeting=self.meeting),
            rapporteur=self.other_user,
            status="accepted",
            visibility="shared",
        )
        self.key_message = factories.KeyMessageFactory(
            report=self.report, act=self.act, visibility="civil_society", rank=1
        )
        self.other_key_message = factories.KeyMessageFactory(
            report=self.report, act=self.act, visibility="civil_society", rank=2
        )
        self.shared_key_message = factories.KeyMessageFactory(
            report=self.accepted_report, act=self.act, visibility="shared", rank=1
        )
        self.government = factories.GovernmentFactory(name="Mexico")
        self.outcome = factories.TableOutcomeFactory(
            act=self.act,
            session=self.small_table,
            visibility="shared",
            governments=[self.government],
        )
        factories.StanceFactory(
            outcome=self.outcome,
            government=self.government,
            key_message=self.shared_key_message,
        )
        self.hidden_outcome = factories.TableOutcomeFactory(
            act=self.other_act, visibility="civil_society"
        )
        # Drafts and reflections.
        self.draft = factories.DraftFactory(name="World zero draft")
        self.paragraph = factories.DraftParagraphFactory(draft=self.draft, ref="1", position=1)
        self.reflection = factories.ReflectionFactory(
            key_message=self.key_message, draft=self.draft, paragraphs=[self.paragraph]
        )
        self.shared_reflection = factories.ReflectionFactory(
            key_message=self.shared_key_message, draft=self.draft, paragraphs=[self.paragraph]
        )
        # Positions in a negotiation round: one civil society only, one published.
        self.group = factories.GovernmentFactory(name="African Group", kind="group")
        self.position = factories.RoundPositionFactory(
            milestone=self.milestone,
            government=self.government,
            act=self.act,
            key_message=self.key_message,
            stand="opposes",
        )
        self.shared_position = factories.RoundPositionFactory(
            milestone=self.milestone,
            government=self.group,
            act=self.act,
            key_message=self.shared_key_message,
            visibility="shared",
        )
        # Next-step actions: the member owns both.
        self.action = factories.ActionFactory(
            act=self.act, owner=self.users["member"], key_message=self.key_message
        )
        self.shared_action = factories.ActionFactory(
            act=self.act, owner=self.users["member"], visibility="shared", outcome=self.outcome
        )
        self.api_token = factories.ApiTokenFactory(user=self.users["member"])
        self.notification = factories.NotificationFactory(
            action=self.shared_action, user_id=self.users["member"].id
        )
        self.users["member"].calendar_token_hash = hashlib.sha256(FEED_TOKEN.encode()).hexdigest()
