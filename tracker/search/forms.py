"""The search form: what to look for, and the filters (all in the URL)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectField
from wtforms.validators import Length

from tracker.search.services import MAX_QUERY_LENGTH
from tracker.search.sources import SOURCES


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    q = SearchField(
        _l("Search for"),
        validators=[
            Length(
                max=MAX_QUERY_LENGTH,
                message=_l("Search for at most %(max)d characters."),
            )
        ],
    )
    act = SelectField(_l("ACT"), coerce=int, default=0)
    type = SelectField(_l("Type"), default="")

    def set_choices(self, acts) -> None:
        self.act.choices = [(0, _l("All ACTs"))] + [(act.number, act.label) for act in acts]
        self.type.choices = [("", _l("Everything"))] + [(s.kind, s.label) for s in SOURCES]
