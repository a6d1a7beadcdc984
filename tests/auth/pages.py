"""Reading what a form page tells the user."""

import re


def error_next_to(html: str, field_id: str) -> str | None:
    """The error message shown in the same form group as the field with this id."""
    field = re.search(rf'<(?:input|select|textarea) [^>]*id="{re.escape(field_id)}"', html)
    if field is None:
        raise AssertionError(f"no field {field_id!r} on the page")
    rest = html[field.end() :]
    group_end = re.search(r'<div class="mb-3|</form>', rest)
    group = rest[: group_end.start() if group_end else None]
    error = re.search(r'<div class="invalid-feedback[^"]*">([^<]*)</div>', group)
    return error.group(1).strip() if error else None
