"""Routes of the activity log: coordinators and admins only."""

from tests.access import STAFF, Route

ROUTES = [
    Route("audit.index", lambda w: "/activity", allowed=STAFF),
    Route("audit.index", lambda w: "/activity?type=note&since=2017-12-01", allowed=STAFF),
    Route("audit.export_csv", lambda w: "/activity/export.csv", allowed=STAFF),
]
