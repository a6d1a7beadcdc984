"""Moving actions along from the board's cards and from My actions, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser


def test_member_moves_own_actions_from_the_board_and_from_my_actions(open_page):
    page = open_page()
    sign_in(page, "member@example.org")
    page.goto("/actions/board")
    open_column = page.get_by_role("region", name=re.compile(r"^Open"))
    card = open_column.locator("article", has=page.locator("form.quick-move")).first
    title = card.get_by_role("heading").inner_text()
    card.get_by_label(f"New status of {title}").select_option(label="In progress")
    card.get_by_role("button", name=f"Move {title}").click()
    expect(page).to_have_url(re.compile(r"/actions/board$"))
    expect(page.get_by_text("Status updated.")).to_be_visible()
    in_progress = page.get_by_role("region", name=re.compile(r"^In progress"))
    expect(in_progress.get_by_role("link", name=title, exact=True)).to_be_visible()

    page.goto("/actions/mine")
    item = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=title, exact=True))
    item.get_by_label(f"New status of {title}").select_option(label="Done")
    item.get_by_role("button", name=f"Move {title}").click()
    expect(page).to_have_url(re.compile(r"/actions/mine$"))
    done = page.get_by_role("region", name=re.compile(r"^Done"))
    expect(done.get_by_role("link", name=title, exact=True)).to_be_visible()
    assert page.console_errors == []
