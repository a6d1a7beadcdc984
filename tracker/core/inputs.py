"""Whole numbers from requests, bounded by what the database stores.

Ids, numbers and pages arrive as text in the path, the query string or a form. A number the
database cannot hold (PostgreSQL's `integer` stops at 2**31 - 1, SQLite's at 2**63 - 1)
names no record, so it never reaches a query:

- `IntegerConverter` is the app's `int` converter: `<int:note_id>` with a bigger number
  matches no route (404);
- `int_arg(name)` reads an integer query argument (`?act=`, `?day=`, `?from=`...); a number
  out of range reads as `NO_RECORD`, a number no record has, so each page answers as it
  does for any unknown one (404 or an empty list);
- `page_arg()` reads `?page=`: anything but a page number gives the first page; pass it to
  `db.paginate(page=...)`, which would otherwise read the raw argument itself;
- `DatabaseInteger` and `in_range()` keep form fields within the same bounds.
"""

import builtins
from typing import overload

from flask import request
from werkzeug.routing import IntegerConverter as _WerkzeugIntegerConverter
from wtforms.validators import NumberRange

DB_INT_MIN = -(2**31)
DB_INT_MAX = 2**31 - 1  # the smallest integer column the app uses: PostgreSQL's `integer`
NO_RECORD = -1  # ids, ACT numbers, days and pages all count from 1

__all__ = [
    "DB_INT_MAX",
    "DB_INT_MIN",
    "NO_RECORD",
    "DatabaseInteger",
    "IntegerConverter",
    "in_range",
    "int_arg",
    "page_arg",
    "register_converters",
]


def in_range(value: int) -> bool:
    return DB_INT_MIN <= value <= DB_INT_MAX


class IntegerConverter(_WerkzeugIntegerConverter):
    """`<int:...>` bounded by the database's integer: a bigger number matches no route."""

    # The arguments are werkzeug's (`<int(min=1):n>`), so `min` and `max` shadow the builtins.
    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False) -> None:
        low = DB_INT_MIN if min is None else builtins.max(min, DB_INT_MIN)
        high = DB_INT_MAX if max is None else builtins.min(max, DB_INT_MAX)
        super().__init__(map, fixed_digits=fixed_digits, min=low, max=high, signed=signed)


def register_converters(app) -> None:
    """Make every `<int:...>` of the app's routes bounded (before any route is added)."""
    app.url_map.converters["int"] = IntegerConverter


@overload
def int_arg(name: str, default: int) -> int: ...


@overload
def int_arg(name: str, default: None = None) -> int | None: ...


def int_arg(name: str, default: int | None = None) -> int | None:
    """The integer query argument `name`: `default` when it is missing or not a whole number
    (as `request.args.get(name, default, type=int)`), `NO_RECORD` when it is a number out of
    the database's range."""
    text = request.args.get(name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        return default
    return value if in_range(value) else NO_RECORD


def page_arg(name: str = "page") -> int:
    """The page number asked for; the first page when it is missing, not a number, below 1
    or out of range (a page past the last one is empty, as before)."""
    value = int_arg(name, 1)
    return value if value >= 1 else 1


def DatabaseInteger(message=None) -> NumberRange:  # noqa: N802 (a validator, named like one)
    """A form validator: the number fits the database's integer."""
    return NumberRange(min=DB_INT_MIN, max=DB_INT_MAX, message=message)
