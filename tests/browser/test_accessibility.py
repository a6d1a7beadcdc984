"""axe-core finds no serious or critical violation on the main pages, for a member, an
observer and a coordinator (who sees the forms)."""

import pytest

from tests.browser.accounts import sign_in
from tests.browser.axe import assert_accessible, pages_for

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("role", ["member", "observer", "coordinator"])
def test_main_pages_have_no_serious_accessibility_violation(open_page, role):
    page = open_page()
    sign_in(page, f"{role}@example.org")
    failures = []
    for audited in pages_for(role):
        try:
            assert_accessible(page, audited)
        except AssertionError as error:
            failures.append(str(error))
    assert failures == [], "\n\n".join(failures)
    assert page.console_errors == []
