"""Who to lobby: for each ask of an ACT that is absent or weak in the latest draft (or lost
with its paragraph), the governments whose latest position on it opposes or reserves, those
proposing amendments, and the supporters who could champion it; as a page, CSV and
Markdown for a delegation's briefing. Civil society's own strategy: observers never get it.

A position is on an ask when it names the key message, or names a paragraph that carries
the message in some draft (its reflection's paragraphs)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from tracker.core.extensions import db
from tracker.core.labels import REFLECTION_LEVELS, REFLECTION_STATES, STANDS
from tracker.drafts.services import latest_drafts
from tracker.positions.services import latest_by_government, positions_on_messages
from tracker.records.acts import Act
from tracker.records.drafts import (
    Draft,
    DraftParagraph,
    Level,
    Reflection,
    ReflectionState,
    reflection_paragraph,
)
from tracker.records.positions import RoundPosition, Stand
from tracker.records.reports import KeyMessage

LOBBY_MESSAGES = 50
IN_NEED = {Level.ABSENT, Level.WEAK}


@dataclass
class LobbyLine:
    message: KeyMessage
    reflection: Reflection | None  # in the latest draft
    latest: list[RoundPosition] = field(default_factory=list)  # each government's latest
    refs: list[str] = field(default_factory=list)  # its paragraphs in the latest draft

    @property
    def in_need(self) -> bool:
        """Absent, weak, or lost with its paragraph in the latest draft."""
        if self.reflection is None:
            return False
        return self.reflection.level in IN_NEED or self.reflection.state == ReflectionState.LOST

    def taking(self, *stands: Stand) -> list[RoundPosition]:
        return [position for position in self.latest if position.stand in stands]

    @property
    def to_lobby(self) -> list[RoundPosition]:
        return self.taking(Stand.OPPOSES, Stand.RESERVES)

    @property
    def amending(self) -> list[RoundPosition]:
        return self.taking(Stand.AMENDS)

    @property
    def champions(self) -> list[RoundPosition]:
        return self.taking(Stand.SUPPORTS)

    @property
    def standing(self) -> str:
        if self.reflection is None:
            return _("Not assessed")
        if self.reflection.state == ReflectionState.LOST:
            return str(REFLECTION_STATES[ReflectionState.LOST])
        return str(REFLECTION_LEVELS[self.reflection.level])


@dataclass
class Lobby:
    act: Act
    latest: Draft | None
    lines: list[LobbyLine]  # every active message of the ACT (the first LOBBY_MESSAGES)

    @property
    def in_need(self) -> list[LobbyLine]:
        return [line for line in self.lines if line.in_need]


def lines_for(messages: Sequence[KeyMessage], latest: Draft | None) -> list[LobbyLine]:
    """Each message with its reflection in `latest` (and its paragraphs there) and each
    government's latest position on it, in two queries."""
    ids = [message.id for message in messages]
    reflections: dict[int, Reflection] = {}
    refs: dict[int, list[str]] = {}
    if latest is not None and ids:
        rows = db.session.execute(
            select(Reflection, DraftParagraph.ref)
            .outerjoin(reflection_paragraph, reflection_paragraph.c.reflection_id == Reflection.id)
            .outerjoin(DraftParagraph, DraftParagraph.id == reflection_paragraph.c.paragraph_id)
            .where(Reflection.draft_id == latest.id, Reflection.key_message_id.in_(ids))
            .order_by(Reflection.id, DraftParagraph.position)
        )
        for reflection, ref in rows:
            reflections[reflection.key_message_id] = reflection
            refs.setdefault(reflection.key_message_id, []).extend([ref] if ref else [])
    on_message = positions_on_messages(ids)
    return [
        LobbyLine(
            m, reflections.get(m.id), latest_by_government(on_message[m.id]), refs.get(m.id, [])
        )
        for m in messages
    ]


def positions_only(messages: Sequence[KeyMessage]) -> list[LobbyLine]:
    """Each message with each government's latest position on it (the ACT page, which shows
    the drafts beside them), in one query."""
    on_message = positions_on_messages([message.id for message in messages])
    return [LobbyLine(m, None, latest_by_government(on_message[m.id])) for m in messages]


def lobby_of(act: Act, today: date, message_id: int | None = None) -> Lobby:
    """The ACT's asks (or the one asked for) and who to lobby on each, in at most six
    queries."""
    latest = db.session.scalars(latest_drafts(today, 1)).first()
    statement = select(KeyMessage).where(
        KeyMessage.act_id == act.id, KeyMessage.merged_into_id.is_(None)
    )
    if message_id is not None:
        statement = statement.where(KeyMessage.id == message_id)
    messages = db.session.scalars(
        statement.order_by(KeyMessage.rank, KeyMessage.id).limit(LOBBY_MESSAGES)
    ).all()
    return Lobby(act, latest, lines_for(messages, latest))


# Exports --------------------------------------------------------------------------------------

ROLES = {"lobby": "to_lobby", "amend": "amending", "champion": "champions"}


def _role_labels() -> dict[str, str]:
    return {
        "lobby": _("To lobby"),
        "amend": _("Proposes an amendment"),
        "champion": _("Could champion it"),
    }


def _refs(line: LobbyLine) -> str:
    return ", ".join(line.refs)


def as_csv(lobby: Lobby) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("ACT"),
            _("Rank"),
            _("Key message"),
            _("Latest draft"),
            _("Paragraph"),
            _("Role"),
            _("Government or group"),
            _("Position"),
            _("Round"),
            _("Date"),
            _("Amendment proposed"),
        ]
    )
    labels = _role_labels()
    for line in lobby.in_need:
        for role, attribute in ROLES.items():
            for p in getattr(line, attribute):
                writer.writerow(
                    [
                        lobby.act.number,
                        line.message.rank,
                        line.message.text,
                        line.standing,
                        _refs(line),
                        labels[role],
                        p.government.display_name,
                        STANDS[p.stand],
                        p.milestone.translated("title"),
                        p.stated_on.isoformat(),
                        p.amendment,
                    ]
                )
    return out.getvalue()


def as_markdown(lobby: Lobby, today: date) -> str:
    act = lobby.act
    out = [f"# {_('Who to lobby')}: {act.label}", ""]
    facts = [format_date(today, "long")]
    if lobby.latest:
        facts.append(_("Latest draft: %(name)s", name=lobby.latest.name))
    out += [" · ".join(facts), ""]
    out += markdown_lines(lobby.in_need)
    return "\n".join(out) + "\n"


def markdown_lines(lines: Sequence[LobbyLine], level: str = "##") -> list[str]:
    """The asks in need, each with who to lobby and who could champion it (also used by the
    brief)."""
    out: list[str] = []
    labels = _role_labels()
    for line in lines:
        refs = _refs(line)
        where = f" ({_('paragraph')} {refs})" if refs else ""
        out += [f"{level} {line.message.rank}. {line.message.text}", ""]
        out += [f"{_('Latest draft')}: {line.standing}{where}", ""]
        for role, attribute in ROLES.items():
            positions = getattr(line, attribute)
            if positions:
                names = "; ".join(_markdown_position(p) for p in positions)
                out.append(f"- {labels[role]}: {names}")
        if not line.latest:
            out.append(f"- {_('No position recorded on this ask yet.')}")
        out.append("")
    if not lines:
        out.append(_("No ask of this ACT is absent or weak in the latest draft."))
    return out


def _markdown_position(position: RoundPosition) -> str:
    said = [position.milestone.translated("title")]
    if position.stand != Stand.AMENDS:
        said.insert(0, str(STANDS[position.stand]))
    text = f"{position.government.display_name} ({', '.join(said)})"
    if position.amendment:
        text += f": {position.amendment}"
    return text
