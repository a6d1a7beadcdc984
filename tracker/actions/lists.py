"""Many actions at once: the filtered list, my actions, the board, the counts per ACT, the
dashboard's lines, exports and the digest. Every query goes through the reader's filter.

The lists find their ids with a narrow query first (the sort then handles ids and dates,
not whole rows joined to their people), then load only the rows they show.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import Select, and_, case, func, select, union_all
from sqlalchemy.orm import contains_eager, defer, joinedload

from tracker.core.extensions import db
from tracker.core.inputs import NO_RECORD, in_range
from tracker.core.pagination import Page
from tracker.records.accounts import Organization, User
from tracker.records.actions import (
    LIVE,
    PRIORITY_ORDER,
    PRIORITY_RANK,
    Action,
    ActionStatus,
    ActionUpdate,
)
from tracker.records.acts import Act

PER_PAGE = 25
# Five columns of this many cards keep the board light on a phone; each links to all.
BOARD_COLUMN_LIMIT = 20
ACT_SECTION_LIMIT = 10
# The lists' usual order: nearest due date first, undated last, then priority.
DUE_ORDER = (Action.due_on.is_(None), Action.due_on, PRIORITY_ORDER, Action.id)


def _person(relationship):
    """Load a person's name only (not their organisation, hash or tokens)."""
    return joinedload(relationship).load_only(User.id, User.name).lazyload(User.organization)


def _with_people(statement: Select) -> Select:
    """What the lists show of an action: its ACT, owner and organisation, not its text."""
    return statement.options(
        defer(Action.description),
        joinedload(Action.act),
        _person(Action.owner),
        joinedload(Action.organization).load_only(Organization.id, Organization.name),
    )


def _load_in_order(ids: list[int]) -> list[Action]:
    """The actions of `ids` in that order, with what the lists show (one query).

    The lists find their ids first with a narrow query (the sort then handles ids and
    dates, not whole rows joined to their people), then load only the rows they show."""
    # Run even for no ids, so a page costs the same queries whatever it finds.
    rows = db.session.scalars(_with_people(select(Action).where(Action.id.in_(ids)))).all()
    by_id = {action.id: action for action in rows}
    return [by_id[action_id] for action_id in ids if action_id in by_id]


def chosen_owner_and_organization(owner_id: int | None, organization_id: int | None):
    """The person and the organisation the list is filtered by, each as a list of at most
    one (id, name) row: the filter's only choices besides "anyone", so the form stays small
    however many people and organisations the workspace holds. Two queries, run even when
    neither is chosen. An id out of the database's range names nobody (the form says so)."""
    owner_id = owner_id if owner_id and in_range(owner_id) else NO_RECORD
    organization_id = (
        organization_id if organization_id and in_range(organization_id) else NO_RECORD
    )
    owners = db.session.execute(select(User.id, User.name).where(User.id == owner_id)).all()
    organizations = db.session.execute(
        select(Organization.id, Organization.name).where(Organization.id == organization_id)
    ).all()
    return owners, organizations


def _name_contains(column, words: str):
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


@dataclass
class Filters:
    act_number: int | None = None
    status: str | None = None
    owner_id: int | None = None
    organization_id: int | None = None
    milestone_id: int | None = None
    who: str = ""  # part of the owner's or the organisation's name
    overdue: bool = False
    sort: str = "due"

    @classmethod
    def of(cls, form) -> "Filters":
        return cls(
            act_number=form.act.data or None,
            status=form.status.data or None,
            owner_id=form.owner.data or None,
            organization_id=form.organization.data or None,
            milestone_id=form.milestone.data or None,
            who=(form.who.data or "").strip(),
            overdue=bool(form.overdue.data),
            sort=form.sort.data or "due",
        )


def overdue_clause(today: date):
    return and_(Action.due_on < today, Action.status.in_(LIVE))


def filtered(filters: Filters, today: date) -> Select:
    """The actions list: filters, then the chosen order (ties broken by id, so pages hold)."""
    statement = select(Action)
    if filters.act_number:
        statement = statement.where(
            Action.act_id
            == select(Act.id).where(Act.number == filters.act_number).scalar_subquery()
        )
    if filters.status:
        statement = statement.where(Action.status == filters.status)
    if filters.owner_id:
        statement = statement.where(Action.owner_id == filters.owner_id)
    if filters.organization_id:
        statement = statement.where(Action.organization_id == filters.organization_id)
    if filters.milestone_id:
        statement = statement.where(Action.milestone_id == filters.milestone_id)
    if filters.who:
        statement = statement.where(
            Action.owner.has(_name_contains(User.name, filters.who))
            | Action.organization.has(_name_contains(Organization.name, filters.who))
        )
    if filters.overdue:
        statement = statement.where(overdue_clause(today))
    if filters.sort == "priority":
        return statement.order_by(PRIORITY_ORDER, Action.due_on.is_(None), Action.due_on, Action.id)
    if filters.sort == "changed":
        return statement.order_by(Action.changed_at.desc(), Action.id.desc())
    return statement.order_by(*DUE_ORDER)


def page_of(filters: Filters, today: date, page: int) -> Page:
    """One page of the filtered list in three queries: the count, the page's ids, the rows."""
    ids = filtered(filters, today).with_only_columns(Action.id)
    total = db.session.scalar(select(func.count()).select_from(ids.order_by(None).subquery()))
    page_ids = db.session.scalars(ids.limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    return Page(_load_in_order(list(page_ids)), page, PER_PAGE, total or 0)


@dataclass
class MyActions:
    overdue: list[Action] = field(default_factory=list)
    this_week: list[Action] = field(default_factory=list)
    later: list[Action] = field(default_factory=list)
    done: list[Action] = field(default_factory=list)

    @property
    def groups(self) -> list[tuple[str, str, list[Action]]]:
        return [
            ("overdue", _("Overdue"), self.overdue),
            ("this-week", _("Due this week"), self.this_week),
            ("later", _("Later"), self.later),
            ("done", _("Done"), self.done),
        ]


MY_LIVE_LIMIT = 200
MY_GROUP_LIMIT = 25  # shown per group; the rest is a link to the list
MY_DONE_LIMIT = 20


def my_actions(user: User, today: date) -> MyActions:
    """What `user` owns, live ones by due date and the latest done, in two queries."""
    live = db.session.scalars(
        _with_people(
            select(Action)
            .where(Action.owner_id == user.id, Action.status.in_(LIVE))
            .order_by(*DUE_ORDER)
            .limit(MY_LIVE_LIMIT)
        )
    ).all()
    done = db.session.scalars(
        _with_people(
            select(Action)
            .where(Action.owner_id == user.id, Action.status == ActionStatus.DONE)
            .order_by(Action.changed_at.desc(), Action.id.desc())
            .limit(MY_DONE_LIMIT)
        )
    ).all()
    mine = MyActions(done=list(done))
    week_end = today + timedelta(days=7)
    for action in live:
        if action.is_overdue(today):
            mine.overdue.append(action)
        elif action.due_on is not None and action.due_on <= week_end:
            mine.this_week.append(action)
        else:
            mine.later.append(action)
    return mine


@dataclass
class BoardColumn:
    status: ActionStatus
    count: int
    actions: list[Action]


def board(act: Act | None) -> list[BoardColumn]:
    """One column per status: its count and its first actions by due date (two queries)."""
    where = [Action.act_id == act.id] if act is not None else []
    counts = dict(
        db.session.execute(
            select(Action.status, func.count()).where(*where).group_by(Action.status)
        ).all()
    )
    # Each column's first ids straight from the (status, due date) index, in one statement:
    # per status, the first dated ones and the first undated ones; Python orders and trims.
    firsts = []
    for status in ActionStatus:
        for dated in (True, False):
            due = Action.due_on.is_not(None) if dated else Action.due_on.is_(None)
            firsts.append(
                select(Action.id)
                .where(Action.status == status, due, *where)
                .order_by(Action.due_on, Action.id)
                .limit(BOARD_COLUMN_LIMIT)
                .subquery()
            )
    ids = db.session.scalars(union_all(*(select(first.c.id) for first in firsts))).all()
    actions = _load_in_order(list(ids))
    columns = {status: BoardColumn(status, counts.get(status, 0), []) for status in ActionStatus}
    for action in actions:
        columns[action.status].actions.append(action)
    for column in columns.values():
        column.actions = sorted(column.actions, key=board_order)[:BOARD_COLUMN_LIMIT]
    return list(columns.values())


def board_order(action: Action) -> tuple:
    """The lists' order by due date, in Python (undated last, then priority, then id)."""
    return (
        action.due_on is None,
        action.due_on or date.min,
        PRIORITY_RANK[action.priority],
        action.id,
    )


@dataclass
class ActProgress:
    """An ACT's actions at a glance: open, overdue, done, the nearest due date."""

    open: int = 0
    overdue: int = 0
    done: int = 0
    next_due: date | None = None


def progress_by_act(today: date, act: Act | None = None) -> dict[int, ActProgress]:
    """Counts per ACT (every ACT, or one) in one aggregate query; the reader's filter applies."""
    live = Action.status.in_(LIVE)
    where = [Action.act_id == act.id] if act is not None else []
    rows = db.session.execute(
        select(
            Action.act_id,
            func.sum(case((live, 1), else_=0)),
            func.sum(case((and_(live, Action.due_on < today), 1), else_=0)),
            func.sum(case((Action.status == ActionStatus.DONE, 1), else_=0)),
            func.min(case((and_(live, Action.due_on >= today), Action.due_on))),
        )
        .where(*where)
        .group_by(Action.act_id)
    ).all()
    return {
        act_id: ActProgress(open or 0, overdue or 0, done or 0, next_due)
        for act_id, open, overdue, done, next_due in rows
    }


@dataclass
class ActActions:
    act: Act
    progress: ActProgress
    upcoming: list[Action]


def for_act(act: Act, today: date) -> ActActions:
    """The ACT page's section: the counts and the live actions due first (two queries)."""
    progress = progress_by_act(today, act).get(act.id, ActProgress())
    upcoming = db.session.scalars(
        _with_people(
            select(Action)
            .where(Action.act_id == act.id, Action.status.in_(LIVE))
            .order_by(*DUE_ORDER)
            .limit(ACT_SECTION_LIMIT)
        )
    ).all()
    return ActActions(act=act, progress=progress, upcoming=list(upcoming))


def due_soon(today: date, days: int = 3) -> Select:
    """Live actions with an owner, overdue or due within `days` (the digest)."""
    return (
        select(Action)
        .join(Action.owner)
        .where(
            Action.status.in_(LIVE),
            Action.due_on.is_not(None),
            Action.due_on <= today + timedelta(days=days),
            User.active.is_(True),
        )
        .options(joinedload(Action.owner), joinedload(Action.act))
        .order_by(Action.owner_id, Action.due_on, Action.id)
    )


def export_options() -> tuple:
    return (
        joinedload(Action.act),
        joinedload(Action.owner),
        joinedload(Action.organization),
        joinedload(Action.milestone),
    )


CALENDAR_LIMIT = 1000


def calendar_of(owner: User) -> Select:
    """The owner's actions with a due date, for their calendar feed (newest due first)."""
    return (
        select(Action)
        .where(Action.owner_id == owner.id, Action.due_on.is_not(None))
        .options(joinedload(Action.act))
        .order_by(Action.due_on.desc(), Action.id)
        .limit(CALENDAR_LIMIT)
    )


def next_for(user: User, limit: int = 5) -> Select:
    """The user's live actions due first (the dashboard's "my actions")."""
    return (
        select(Action)
        .where(Action.owner_id == user.id, Action.status.in_(LIVE))
        .options(joinedload(Action.act))
        .order_by(*DUE_ORDER)
        .limit(limit)
    )


def recent_activity(limit: int = 8) -> list[ActionUpdate]:
    """The latest lines of every action's log the reader may see, newest first (two queries:
    the ids from the created_at index, then those lines with their action and actor)."""
    ids = db.session.scalars(
        select(ActionUpdate.id)
        .join(ActionUpdate.action)
        .order_by(ActionUpdate.created_at.desc(), ActionUpdate.id.desc())
        .limit(limit)
    ).all()
    rows = db.session.scalars(
        select(ActionUpdate)
        .join(ActionUpdate.action)
        .where(ActionUpdate.id.in_(ids))
        .options(
            contains_eager(ActionUpdate.action).load_only(
                Action.id, Action.title, Action.published
            ),
            _person(ActionUpdate.actor),
        )
        .order_by(ActionUpdate.created_at.desc(), ActionUpdate.id.desc())
    ).all()
    return list(rows)
