"""The one-page brief of an ACT for a delegate going into a negotiation round: its key
messages with their standing in the latest draft and the change since the previous one, the
governments' stances at the small table, and the open actions due before the next milestone.
Built through the reader's visibility filter, so observers get it from shared records only."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, load_only

from tracker.core.extensions import db
from tracker.core.labels import POSITIONS, REFLECTION_LEVELS
from tracker.drafts.services import latest_drafts
from tracker.records import policy
from tracker.records.actions import LIVE, Action
from tracker.records.acts import Act
from tracker.records.agenda import Milestone
from tracker.records.drafts import Draft, Level
from tracker.records.reports import KeyMessage
from tracker.tables import grids as tables
from tracker.thread.lobby import LobbyLine, lines_for, markdown_lines
from tracker.thread.matrix import cell_levels

BRIEF_MESSAGES = 12
BRIEF_ACTIONS = 10
RANK = {Level.ABSENT: 0, Level.WEAK: 1, Level.PARTIAL: 2, Level.STRONG: 3}


@dataclass
class BriefLine:
    message: KeyMessage
    level: Level | None  # in the latest draft; None when not assessed
    previous: Level | None  # in the draft before it
    stances: list[tuple[str, str]] = field(default_factory=list)  # (government, position)

    @property
    def trend(self) -> str:
        """ "up", "down", "same", "new" (first assessed in the latest draft) or ""."""
        if self.level is None:
            return ""
        if self.previous is None:
            return "new"
        change = RANK[self.level] - RANK[self.previous]
        return "up" if change > 0 else "down" if change < 0 else "same"


@dataclass
class Brief:
    act: Act
    latest: Draft | None
    previous: Draft | None
    lines: list[BriefLine]
    messages_total: int
    outcome: object | None
    attributed: bool
    next_milestone: Milestone | None
    actions: list
    # Who to lobby on the asks absent or weak in the latest draft: civil society's only.
    lobby: list[LobbyLine] = field(default_factory=list)


def brief_of(act: Act, today: date, reader) -> Brief:
    """Everything on the page in at most thirteen queries, whatever the size of the ACT."""

    drafts = db.session.scalars(
        latest_drafts(today, 2).options(load_only(Draft.id, Draft.name, Draft.released_on))
    ).all()
    latest = drafts[0] if drafts else None
    previous = drafts[1] if len(drafts) > 1 else None
    rows = db.session.execute(
        select(KeyMessage, func.count().over())
        .where(KeyMessage.act_id == act.id, KeyMessage.merged_into_id.is_(None))
        .order_by(KeyMessage.rank, KeyMessage.id)
        .limit(BRIEF_MESSAGES)
    ).all()
    messages = [message for message, _total in rows]
    cells = cell_levels([m.id for m in messages], [d.id for d in drafts]) if drafts else {}

    def level(message, draft):
        cell = cells.get((message.id, draft.id)) if draft else None
        return cell.effective_level if cell else None

    lines = [BriefLine(m, level(m, latest), level(m, previous)) for m in messages]
    outcome = None
    attributed = True
    outcomes = tables.for_act(act, reader, messages=messages, latest=1)
    if outcomes:
        (grid,) = outcomes
        outcome, attributed = grid.outcome, grid.attributed
        for row in grid.rows:
            for line, stance in zip(lines, row.cells, strict=True):
                if stance is not None:
                    line.stances.append((row.label, str(stance.position)))
    next_milestone = db.session.scalar(
        select(Milestone).where(Milestone.starts_on > today).order_by(Milestone.starts_on).limit(1)
    )
    due = [Action.act_id == act.id, Action.status.in_(LIVE)]
    if next_milestone is not None:
        due.append(Action.due_on <= next_milestone.starts_on)
    open_actions = db.session.scalars(
        select(Action)
        .where(*due)
        .options(joinedload(Action.owner), joinedload(Action.organization))
        .order_by(Action.due_on, Action.id)
        .limit(BRIEF_ACTIONS)
    ).all()
    lobby = [line for line in lines_for(messages, latest) if line.in_need]
    return Brief(
        lobby=lobby if policy.sees_everything(reader) else [],
        act=act,
        latest=latest,
        previous=previous,
        lines=lines,
        messages_total=rows[0][1] if rows else 0,
        outcome=outcome,
        attributed=attributed,
        next_milestone=next_milestone,
        actions=list(open_actions),
    )


def trend_text(line: BriefLine) -> str:
    previous = str(REFLECTION_LEVELS[line.previous]) if line.previous else ""
    return {
        "up": _("up from %(level)s", level=previous),
        "down": _("down from %(level)s", level=previous),
        "same": _("unchanged"),
        "new": _("first assessed"),
        "": "",
    }[line.trend]


def as_markdown(brief: Brief, today: date) -> str:
    """The brief as a Markdown file (the same content as the page)."""
    act = brief.act
    out = [f"# {_('ACT %(number)d', number=act.number)}: {act.translated('title')}", ""]
    out += [" · ".join(_markdown_facts(brief, today)), ""]
    out += [f"## {_('Our key messages and where they stand')}", "", *_markdown_messages(brief)]
    if brief.next_milestone:
        heading = _(
            "Open actions due before %(title)s", title=brief.next_milestone.translated("title")
        )
    else:
        heading = _("Open actions")
    if brief.lobby:
        out += ["", f"## {_('Who to lobby')}", "", *markdown_lines(brief.lobby, "###")]
    out += ["", f"## {heading}", "", *_markdown_actions(brief)]
    return "\n".join(out) + "\n"


def _markdown_facts(brief: Brief, today: date) -> list[str]:
    facts = [_("Brief of %(date)s", date=format_date(today, "medium"))]
    if brief.latest:
        facts.append(
            _(
                "Latest draft: %(name)s (%(date)s)",
                name=brief.latest.name,
                date=format_date(brief.latest.released_on, "medium"),
            )
        )
    if brief.previous:
        facts.append(_("compared with %(name)s", name=brief.previous.name))
    if brief.next_milestone:
        facts.append(
            _(
                "Next: %(title)s, %(date)s",
                title=brief.next_milestone.translated("title"),
                date=format_date(brief.next_milestone.starts_on, "medium"),
            )
        )
    return facts


def _markdown_messages(brief: Brief) -> list[str]:
    out = []
    for number, line in enumerate(brief.lines, start=1):
        standing = str(REFLECTION_LEVELS[line.level]) if line.level else _("Not assessed")
        if line.trend:
            standing += f" ({trend_text(line)})"
        out += [f"{number}. {line.message.text}", f"   - {_('Latest draft')}: {standing}"]
        if line.stances:
            stances = "; ".join(f"{name}: {POSITIONS[position]}" for name, position in line.stances)
            out.append(f"   - {_('Governments at the small table')}: {stances}")
    if not brief.lines:
        out.append(_("This ACT has no key messages yet."))
    if brief.messages_total > len(brief.lines):
        shown = ngettext(
            "The first %(shown)d of %(num)d key message, by rank.",
            "The first %(shown)d of %(num)d key messages, by rank.",
            brief.messages_total,
            shown=len(brief.lines),
        )
        out += ["", shown]
    if brief.outcome and not brief.attributed:
        rule = _(
            "The small table was held under the Chatham House rule: governments are not named."
        )
        out += ["", rule]
    return out


def _markdown_actions(brief: Brief) -> list[str]:
    out = []
    for action in brief.actions:
        parts = [
            action.title,
            format_date(action.due_on, "medium") if action.due_on else _("No due date"),
        ]
        parts += [who.name for who in (action.owner, action.organization) if who]
        out.append("- " + " · ".join(parts))
    return out or [_("None.")]
