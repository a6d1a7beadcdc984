"""Import every model module so the metadata is complete (Alembic autogenerate, tests)."""

from tracker import activity as activity_models
from tracker.actions import models as actions_models
from tracker.acts import models as acts_models
from tracker.agenda import models as agenda_models
from tracker.auth import models as auth_models
from tracker.drafts import models as drafts_models
from tracker.notes import models as notes_models
from tracker.notifications import models as notifications_models
from tracker.reports import models as reports_models
from tracker.tables import models as tables_models

__all__ = [
    "activity_models",
    "actions_models",
    "acts_models",
    "agenda_models",
    "auth_models",
    "drafts_models",
    "notes_models",
    "notifications_models",
    "reports_models",
    "tables_models",
]
