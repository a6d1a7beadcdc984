"""The demo workspace: the Puerto Vallarta meeting of December 2017 and its record, in the
data files beside this module (agenda.toml is the meeting's agenda), read by small loaders.

`load_demo()` loads whatever is missing (loading twice changes nothing); `is_empty()` says
whether the database has no data yet (`flask --app tracker demo --if-empty`).
"""

from tracker.data.demo.loader import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    RECORD_ACCOUNTS,
    Account,
    is_empty,
    load_acts,
    load_demo,
)

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "RECORD_ACCOUNTS",
    "Account",
    "is_empty",
    "load_acts",
    "load_demo",
]
