"""Which records carry translations, and saving them."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from tracker.core.extensions import db
from tracker.records.acts import Act
from tracker.records.agenda import Meeting, MeetingSession, Milestone
from tracker.reference.forms import TRANSLATED_LANGUAGES, fingerprint


@dataclass(frozen=True)
class Kind:
    """A kind of reference record: what is translated and how it is found."""

    model: type
    fields: tuple[str, ...]
    label: object


ACT = Kind(Act, ("title", "summary"), _l("ACT"))
MILESTONE = Kind(Milestone, ("title", "place"), _l("Milestone"))
MEETING = Kind(Meeting, ("title", "summary"), _l("Meeting"))
SESSION = Kind(MeetingSession, ("title", "purpose"), _l("Agenda item"))


def act_by_number(number: int) -> Select:
    return select(Act).where(Act.number == number)


def milestone_by_id(milestone_id: int) -> Select:
    return select(Milestone).where(Milestone.id == milestone_id)


def meeting_by_slug(slug: str) -> Select:
    return select(Meeting).where(Meeting.slug == slug)


def session_by_id(session_id: int) -> Select:
    return select(MeetingSession).where(MeetingSession.id == session_id)


class TranslationsChangedError(Exception):
    """Someone saved these translations since the form was shown."""


def save(record, kind: Kind, form) -> None:
    """Save the form's translations onto `record`, unless they changed since it was shown."""
    if form.seen.data != fingerprint(record.translations):
        raise TranslationsChangedError
    for field in kind.fields:
        for language in TRANSLATED_LANGUAGES:
            record.translate(language, field, form[f"{field}_{language}"].data or "")
    db.session.commit()
