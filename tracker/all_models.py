"""Import every model module so the metadata is complete (Alembic autogenerate, tests)."""

from tracker.acts import models as acts_models
from tracker.agenda import models as agenda_models
from tracker.auth import models as auth_models

__all__ = ["acts_models", "agenda_models", "auth_models"]
