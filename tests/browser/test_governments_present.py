"""Governments present at a small table, in a real browser: a list of checkboxes with a
filter box; ticking one never clears the others, and the choices survive the filter."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser


def test_coordinator_ticks_governments_found_with_the_filter(open_page):
    page = open_page()
    sign_in(page, "coordinator@example.org")
    page.goto("/acts/3")
    outcome = page.locator("main a[href^='/outcomes/']").first.get_attribute("href")
    page.goto(f"{outcome}/edit")
    present = page.get_by_role("group", name="Governments present")
    already = present.locator("input[type=checkbox]:checked").count()
    search = present.get_by_label("Find in the list")
    expect(search).to_be_visible()  # shown by the script; without it the list is all there

    search.fill("ghana")
    expect(present.locator(".form-check:visible")).to_have_count(1)
    present.get_by_label("Ghana", exact=True).check()
    search.fill("chile")
    present.get_by_label("Chile", exact=True).check()
    search.fill("")
    expect(present.locator(".form-check:visible").first).to_be_visible()
    expect(present.locator("input[type=checkbox]:checked")).to_have_count(already + 2)

    page.get_by_role("button", name="Save the outcome").click()
    expect(page).to_have_url(re.compile(r"/outcomes/\d+$"))
    who = page.locator("dd").first
    expect(who).to_contain_text("Ghana")
    expect(who).to_contain_text("Chile")
    assert page.console_errors == []
