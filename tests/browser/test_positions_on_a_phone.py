"""In a real browser on a phone: a member records three positions in a row during a round.
The government is typed (the browser's list helps, the server finds it), the paragraph by
its number, one tap per position; after each save the form comes back with the round, ACT
and paragraph kept, and the page never scrolls sideways."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _tap(page, text: str) -> None:
    page.locator("label.btn-choice", has_text=re.compile(rf"^{re.escape(text)}$")).tap()


def _fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px screen"


def test_a_member_records_three_positions_on_a_phone(open_page):
    page = open_page(**PHONE)
    sign_in(page, "member@example.org")
    page.goto("/positions/new")
    _fits_the_screen(page)
    page.get_by_label("Negotiation round").select_option(label="Negotiation round 3")
    page.get_by_label("ACT", exact=True).select_option(label="ACT 3: Protection")

    page.get_by_label("Government or group").fill("Switz")
    page.get_by_label("Paragraph").fill("21(c)")
    _tap(page, "Supports")
    page.get_by_role("button", name="Record the position").tap()
    expect(page.get_by_text("Recorded: Switzerland · Supports · 21(c)")).to_be_visible()

    # Ready for the next one: round, ACT and paragraph kept, the government and position not.
    expect(page.get_by_label("Paragraph")).to_have_value("21(c)")
    chosen = "s => s.options[s.selectedIndex].text"
    assert page.get_by_label("Negotiation round").evaluate(chosen) == "Negotiation round 3"
    assert page.get_by_label("ACT", exact=True).evaluate(chosen) == "ACT 3: Protection"
    expect(page.get_by_label("Government or group")).to_have_value("")
    page.get_by_label("Government or group").fill("mexico")
    _tap(page, "Opposes")
    _tap(page, "Informal consultations")
    page.get_by_role("button", name="Record the position").tap()
    expect(
        page.get_by_text("Recorded: Mexico · Opposes · 21(c) · Informal consultations")
    ).to_be_visible()

    page.get_by_label("Government or group").fill("EU")
    _tap(page, "Proposes an amendment")
    page.get_by_label("Amendment proposed").fill("Replace “strive to end” with “end”.")
    page.get_by_role("button", name="Record the position").tap()
    expect(
        page.get_by_text("Recorded: European Union (EU) · Proposes an amendment")
    ).to_be_visible()
    _fits_the_screen(page)

    recent = page.locator("#h-recent + ul > li")
    expect(recent.nth(0)).to_contain_text("European Union (EU)")
    expect(recent.nth(1)).to_contain_text("Mexico")
    expect(recent.nth(2)).to_contain_text("Switzerland")

    # A typo is answered next to the field, on the phone too.
    page.get_by_label("Government or group").fill("Atlantis")
    _tap(page, "Supports")
    page.get_by_role("button", name="Record the position").tap()
    expect(page.get_by_text("No government or group is called “Atlantis”.")).to_be_visible()
