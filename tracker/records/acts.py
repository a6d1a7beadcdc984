"""The TEN ACTS: everything recorded hangs on one of them."""

from flask_babel import gettext as _
from sqlalchemy import Integer, Select, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from tracker.core.extensions import Model
from tracker.core.models import TranslatedMixin


class Act(TranslatedMixin, Model):
    __tablename__ = "act"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")

    @property
    def label(self) -> str:
        """ "ACT 3: Protection", in the reader's language."""
        return _("ACT %(number)d: %(title)s", number=self.number, title=self.translated("title"))


def acts_in_order() -> Select:
    return select(Act).order_by(Act.number)
