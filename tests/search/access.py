"""Routes of search: every signed-in role may search (and sees only what it may read)."""

from tests.access import Route

ROUTES = [
    Route("search.index", lambda w: "/search?q=detention"),
]
