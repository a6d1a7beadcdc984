"""Reading what a page tells the user: its text, a form's errors, search results."""

import re


def text_of(html: str) -> str:
    """The page's text, tags removed and spaces collapsed, as a reader sees it."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


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


def result_links(html: str) -> list[str]:
    """The record links of a search result list, in order."""
    results = html.split('class="list-unstyled search-results"', 1)
    if len(results) == 1:
        return []
    return re.findall(r'<a href="([^"]+)" class="fw-semibold">', results[1])
