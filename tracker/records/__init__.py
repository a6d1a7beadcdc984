"""Every model and enum of the workspace, one module per aggregate, with the policy, the
visibility filter and publishing beside them. Importing the package loads every model, so
the metadata is complete (Alembic, tests)."""

from tracker.records import (  # noqa: F401
    accounts,
    actions,
    activity,
    acts,
    agenda,
    alerts,
    api,
    drafts,
    notes,
    notifications,
    positions,
    reports,
    search_index,
    tables,
    workspace,
)
