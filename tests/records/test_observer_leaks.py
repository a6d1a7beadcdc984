"""What observers may never read, walked for, without being told where leaks could be.

A workspace is built with records of every kind in every state they pass through: never
shared, published, published then edited, reopened and revised, returned, withdrawn,
merged, under the Chatham House rule or not. Every free-text field of every record of the
civil-society workspace carries a unique marker, planted from the models (a new text field
is covered as soon as it exists), and fresh markers are planted again after publishing, as
the working copies go on being edited. Then an observer requests every GET route of the
app's URL map (pages, search with each type filter, CSV, iCalendar, the brief and its
Markdown) for every record id, and no marker may appear but those governments were given:
what the published snapshots hold in the fields the policy lets them read, and the fields
they read as they are.
"""

import hashlib
import io
import itertools
import re
import zipfile

from sqlalchemy import Enum, String, Text, inspect, select

from tests import factories
from tracker.api.auth import create_token
from tracker.core.extensions import db
from tracker.records import policy
from tracker.records.accounts import Organization
from tracker.records.actions import Action
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Milestone
from tracker.records.alerts import Alert
from tracker.records.base import ObserverRowsMixin, PublishableMixin
from tracker.records.drafts import Draft, DraftParagraph
from tracker.records.notes import Note
from tracker.records.notifications import Notification
from tracker.records.positions import RoundPosition
from tracker.records.reader import INCLUDE_ARCHIVED
from tracker.records.reports import KeyMessage, Report
from tracker.records.tables import Government, TableOutcome
from tracker.search.sources import SOURCES

MARKER = re.compile(r"Mk\d{6}X")
SEARCH_WORD = "zqleak"
FEED_TOKEN = "observer-feed-token-for-the-leak-walk"


class Markers:
    """Unique words planted in text fields: `new()` gives the next."""

    def __init__(self) -> None:
        self.count = itertools.count(1)
        self.planted: dict[str, str] = {}  # marker -> "Class.field"

    def new(self, where: str) -> str:
        marker = f"Mk{next(self.count):06d}X"
        self.planted[marker] = where
        return f"{SEARCH_WORD} {marker}"


def workspace_models() -> list[type]:
    """Every mapped class of the civil-society workspace (what the visibility rule governs)."""
    return [
        mapper.class_
        for mapper in db.Model.registry.mappers
        if issubclass(mapper.class_, ObserverRowsMixin)
    ]


def text_fields(model: type) -> list[str]:
    return [
        column.key
        for column in inspect(model).column_attrs
        if isinstance(column.columns[0].type, String | Text)
        and not isinstance(column.columns[0].type, Enum)
        and not column.columns[0].foreign_keys
    ]


def plant_everywhere(markers: Markers) -> None:
    """A fresh marker in every text field of every workspace record (working copies)."""
    for model in workspace_models():
        fields = text_fields(model)
        for record in db.session.scalars(select(model)):
            for field in fields:
                setattr(record, field, markers.new(f"{model.__name__}.{field}"))
    db.session.flush()


def _post(client, url: str, data: dict | None = None) -> None:
    response = client.post(url, data=data or {})
    assert response.status_code < 400, (url, response.status_code)


def _publish(client, path: str, records: dict, names) -> None:
    for name in names:
        _post(client, f"/{path}/{records[name].id}/publish")


def build_world(client, login_as, markers: Markers) -> dict:
    """Records of every kind, in every state; returns the observer."""
    users = {role: factories.UserFactory(role=role) for role in policy.Role}
    observer = users[policy.Role.OBSERVER]
    observer.calendar_token_hash = _sha256(FEED_TOKEN)
    act = factories.ActFactory(number=3, title="Protection")
    meeting = factories.MeetingFactory(slug="leak-walk")
    group = factories.MeetingSessionFactory(meeting=meeting, kind="group_session", acts=[act])
    table = factories.MeetingSessionFactory(
        meeting=meeting, kind="small_table", audience="open", acts=[act]
    )
    states = factories.GovernmentFactory.create_batch(3)
    spare = factories.MeetingSessionFactory(
        meeting=meeting, kind="plenary", audience="open", title="Cancelled plenary zqspare"
    )
    draft = factories.DraftFactory(name="Zero draft")
    paragraph = factories.DraftParagraphFactory(draft=draft, ref="1", position=1)

    # Reports: one per state of the workflow, each with two key messages.
    reports = {}
    for status in (
        "draft",
        "submitted",
        "returned",
        "accepted",
        "published",
        "reopened",
        "withdrawn",
    ):
        session = factories.MeetingSessionFactory(meeting=meeting, kind="group_session", acts=[act])
        report = factories.ReportFactory(
            act=act,
            session=session,
            rapporteur=users[policy.Role.RAPPORTEUR],
            status="accepted" if status in ("published", "reopened", "withdrawn") else status,
        )
        factories.ReportPriorityFactory(report=report)
        factories.KeyMessageFactory.create_batch(2, report=report, act=act)
        factories.ReportEventFactory(report=report, kind="returned", comment="to plant")
        reports[status] = report
    outcomes = {
        name: factories.TableOutcomeFactory(
            act=act,
            session=factories.MeetingSessionFactory(
                meeting=meeting, kind="small_table", audience="open", acts=[act]
            ),
            governments=states,
            chatham_house=name.startswith("chatham"),
            visibility="civil_society",
        )
        for name in ("hidden", "published", "chatham", "edited", "withdrawn", "archived")
    }
    notes = {
        name: factories.NoteFactory(session=table if i % 2 else group, act=act)
        for i, name in enumerate(("hidden", "published", "edited", "withdrawn", "archived"))
    }
    actions = {
        name: factories.ActionFactory(act=act, owner=users[policy.Role.MEMBER])
        for name in ("hidden", "published", "edited", "withdrawn", "archived")
    }
    round_ = factories.MilestoneFactory(kind="negotiation")
    group = factories.GovernmentFactory(kind="group")
    positions = {
        name: factories.RoundPositionFactory(
            milestone=round_,
            government=states[0] if i % 2 else group,
            act=act,
            key_message=reports["accepted"].key_messages[0],
            paragraph_ref="1",
            paragraph=paragraph,
            stand="amends",
            amendment="x",
            note="x",
        )
        for i, name in enumerate(("hidden", "published", "edited", "withdrawn"))
    }
    db.session.flush()
    for report in reports.values():
        for message in report.key_messages:
            for outcome in outcomes.values():
                for government in states:
                    factories.StanceFactory(
                        outcome=outcome, government=government, key_message=message, note="x"
                    )
            factories.ReflectionFactory(
                key_message=message, draft=draft, paragraphs=[paragraph], note="x"
            )
            factories.ActionUpdateFactory(action=actions["published"], note="x", changes="x")
    for note in notes.values():
        factories.NoteRevisionFactory(note=note, number=1)
    _alerts_and_follows(users[policy.Role.MEMBER], act, draft, reports)
    plant_everywhere(markers)

    # Publishing, as a coordinator does it.
    login_as(users[policy.Role.COORDINATOR])
    for name in ("published", "reopened", "withdrawn"):
        _post(client, f"/reports/{reports[name].id}/publish")
    lone = reports["accepted"].key_messages[0]
    _post(client, f"/messages/{lone.id}/publish")
    published = ("published", "edited", "withdrawn")
    _publish(client, "outcomes", outcomes, (*published, "chatham", "archived"))
    _publish(client, "notes", notes, (*published, "archived"))
    _publish(client, "actions", actions, (*published, "archived"))
    _publish(client, "positions", positions, published)
    # Published, then archived: observers read nothing of them any more.
    archived = [
        ("note", notes["archived"].id),
        ("action", actions["archived"].id),
        ("table_outcome", outcomes["archived"].id),
        ("key_message", lone.id),
        ("meeting_session", spare.id),
    ]
    _archive(client, markers, archived)

    # Working copies go on: every text edited again, then the workflows move on.
    first_after_publishing = len(markers.planted)
    plant_everywhere(markers)
    db.session.commit()
    _post(client, f"/reports/{reports['reopened'].id}/reopen")
    _post(client, f"/reports/{reports['withdrawn'].id}/withdraw")
    _post(client, f"/outcomes/{outcomes['withdrawn'].id}/withdraw")
    _post(client, f"/notes/{notes['withdrawn'].id}/withdraw")
    _post(client, f"/actions/{actions['withdrawn'].id}/withdraw")
    _post(client, f"/positions/{positions['withdrawn'].id}/withdraw")
    published_messages = reports["published"].key_messages
    _post(
        client,
        f"/messages/{published_messages[0].id}/merge",
        {"merge-target_id": str(published_messages[1].id), "merge-confirmed": "yes"},
    )
    _post(
        client,
        f"/reports/{reports['submitted'].id}/return",
        {"return-comment": markers.new("ReportEvent.comment")},
    )
    login_as(users[policy.Role.RAPPORTEUR])
    reopened = reports["reopened"]
    _post(
        client,
        f"/reports/{reopened.id}/edit",
        {
            "version": str(reopened.version),
            "summary": markers.new("Report.summary"),
            "priorities": markers.new("ReportPriority.text"),
            "key_messages": "\n".join(markers.new("KeyMessage.text") for _ in range(2)),
            "divergence": markers.new("ReportInternal.divergence"),
            "strategy_notes": markers.new("ReportInternal.strategy_notes"),
        },
    )
    login_as(users[policy.Role.MEMBER])
    action = actions["published"]
    db.session.refresh(action)
    _post(
        client,
        f"/actions/{action.id}/status",
        {
            "status": "in_progress",
            "note": markers.new("ActionUpdate.note"),
            "version": str(action.version),
        },
    )
    _post(client, f"/actions/{action.id}/comments", {"body": markers.new("ActionUpdate.note")})
    _told_before_becoming_an_observer(observer, act, reports, markers)
    db.session.expire_all()
    after_publishing = set(list(markers.planted)[first_after_publishing:])
    return {
        "observer": observer,
        "after_publishing": after_publishing,
        "archived": [f"/{path}/{record_id}" for path, record_id in _pages(archived)],
    }


def _archive(client, markers: Markers, archived: list[tuple[str, int]]) -> None:
    for kind, record_id in archived:
        reason = markers.new("archive_reason")
        _post(client, f"/archive/{kind}/{record_id}", {"reason": reason})


def _pages(archived: list[tuple[str, int]]) -> list[tuple[str, int]]:
    paths = {
        "note": "notes",
        "action": "actions",
        "table_outcome": "outcomes",
        "key_message": "messages",
        "meeting_session": "sessions",
    }
    return [(paths[kind], record_id) for kind, record_id in archived]


def _alerts_and_follows(member, act, draft, reports) -> None:
    """What a draft did to the asks, and who follows them: civil society's alone, even for
    an ask governments read."""
    later = factories.DraftFactory(name="Rev 1", previous=draft)
    for report in reports.values():
        for message in report.key_messages:
            factories.AlertFactory(draft=later, key_message=message)
            factories.FollowFactory(user=member, key_message=message)
    factories.FollowFactory(user=member, act=act)


def _told_before_becoming_an_observer(observer, act, reports, markers: Markers) -> None:
    """Someone told of civil-society work who has since become an observer reads none of it."""
    for alert in db.session.scalars(select(Alert)):
        factories.NotificationFactory(
            user_id=observer.id, action=None, kind="ask_weakened", alert=alert
        )
    for report in reports.values():
        factories.NotificationFactory(
            user_id=observer.id,
            action=None,
            kind="report_returned",
            report=report,
            detail=markers.new("Notification.detail"),
        )
    factories.NotificationFactory(
        user_id=observer.id,
        action=None,
        kind="position",
        act_id=act.id,
        detail=markers.new("Notification.detail"),
    )
    db.session.commit()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def allowed_markers() -> set[str]:
    """What governments were given: the markers in the published snapshots' declared fields
    (less what the Chatham House rule hides) and in the fields they read as they are."""
    allowed: set[str] = set()
    db.session.expire_all()
    for model in workspace_models():
        declared = policy.OBSERVERS_READ.get(model.__name__)
        if declared is None:
            continue
        for record in db.session.scalars(select(model)):
            for field in declared.live & set(text_fields(model)):
                allowed |= set(MARKER.findall(getattr(record, field) or ""))
            if issubclass(model, PublishableMixin) and record.published is not None:
                snapshot = dict(record.published)
                if snapshot.get("chatham_house") or getattr(record, "chatham_house", False):
                    snapshot.pop("civil_society_participants", None)
                    snapshot["stances"] = [{**s, "note": ""} for s in snapshot.get("stances", [])]
                allowed |= set(MARKER.findall(repr(snapshot)))
    return allowed


def _ids(model, column="id") -> list:
    """Every value, archived records' included: observers must find those gone too."""
    query = select(getattr(model, column))
    return list(db.session.scalars(query, execution_options={INCLUDE_ARCHIVED: True}))


def readable_text(data: bytes) -> str:
    """What a response says: a page's text, or every file of a ZIP export or XLSX workbook."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return " ".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    return data.decode("utf-8")


def candidates(app) -> dict[str, list]:
    """Values for each URL argument the app's routes take."""
    revision_numbers = [1, 2]
    return {
        "report_id": _ids(Report),
        "note_id": _ids(Note),
        "message_id": _ids(KeyMessage),
        "outcome_id": _ids(TableOutcome),
        "action_id": _ids(Action),
        "session_id": _ids(MeetingSession),
        "draft_id": _ids(Draft),
        "paragraph_id": _ids(DraftParagraph),
        "position_id": _ids(RoundPosition),
        "government_id": _ids(Government),
        "notification_id": _ids(Notification) or [1],
        "user_id": [1],
        "number": sorted(set(_ids(Act, "number")) | set(revision_numbers)),
        "slug": _ids(Meeting, "slug"),
        "milestone_id": _ids(Milestone) or [1],
        "organization_id": _ids(Organization) or [1],
        "token": [FEED_TOKEN],
        "filename": ["css/app.css"],
        "kind": ["note", "key_message"],
        "record_id": _ids(Note)[:2],
    }


def observer_urls(app) -> list[str]:
    values = candidates(app)
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("static", "bootstrap.static"):
            continue
        names = sorted(rule.arguments)
        missing = [name for name in names if name not in values]
        assert not missing, f"the leak walk has no values for {missing} of {rule.rule}"
        for combination in itertools.product(*(values[name] for name in names)):
            url = rule.rule
            for name, value in zip(names, combination, strict=True):
                url = re.sub(rf"<(?:\w+:)?{name}>", str(value), url)
            urls.append(url)
    kinds = [None, *(source.kind for source in SOURCES)]
    urls += [f"/search?q={SEARCH_WORD}" + (f"&type={kind}" if kind else "") for kind in kinds]
    urls += [f"/search?q={SEARCH_WORD}&act=3", "/actions/export.csv?status=in_progress"]
    urls += [f"/api/v1/{kind}?limit=200" for kind in ("key-messages", "reports", "outcomes")]
    urls += ["/api/v1/actions?limit=200&status=in_progress", "/api/v1/matrix?act=3"]
    urls += ["/api/v1/positions?limit=200"]
    return urls


def test_no_observer_route_shows_what_governments_were_not_given(app, client, login_as):
    markers = Markers()
    world = build_world(client, login_as, markers)
    allowed = allowed_markers()
    # What was typed after publishing is never given, but in the fields read as they are.
    live = {
        f"{name}.{field}" for name, read in policy.OBSERVERS_READ.items() for field in read.live
    }
    given_late = {markers.planted[m] for m in world["after_publishing"] & allowed}
    assert given_late <= live, given_late - live
    login_as(world["observer"])
    # The read API, with the observer's personal token: the same rule, the same snapshots.
    _token, secret = create_token(world["observer"], "leak walk")
    api = {"Authorization": f"Bearer {secret}"}
    leaks: dict[str, set[str]] = {}
    seen: set[str] = set()
    for url in observer_urls(app):
        response = client.get(url, headers=api if url.startswith("/api/") else {})
        assert response.status_code != 401, url
        assert response.status_code < 500, url
        found = set(MARKER.findall(readable_text(response.data)))
        seen |= found & allowed
        for marker in found - allowed:
            leaks.setdefault(markers.planted.get(marker, "?"), set()).add(url)
    assert leaks == {}, f"observers read fields they were never given: {leaks}"
    # Archived records are gone for them, even those once published or open.
    for url in world["archived"]:
        assert client.get(url).status_code == 404, url
    assert "zqspare" not in client.get("/agenda").get_data(as_text=True)
    # The walk did reach what governments were given, of every kind of record.
    read = {markers.planted[marker].split(".")[0] for marker in seen}
    given = {"Note", "Report", "ReportPriority", "KeyMessage", "TableOutcome", "Stance"}
    given |= {"RoundPosition"}
    assert given | {"Action", "Reflection"} <= read, read
