"""The main flow in a real browser: sign in as the coordinator and read the agenda."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import DEMO_PASSWORD, sign_in

pytestmark = pytest.mark.browser

COORDINATOR = "coordinator@example.org"


def sign_in_from_the_agenda(page, email=COORDINATOR, password=DEMO_PASSWORD) -> None:
    page.goto("/agenda")
    expect(page).to_have_url(re.compile(r"/sign-in\?next="))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_coordinator_signs_in_and_sees_the_two_days_of_the_agenda(page):
    sign_in_from_the_agenda(page)
    expect(page).to_have_url(re.compile(r"/agenda$"))
    days = page.get_by_role("heading", level=2)
    expect(days).to_have_text(
        ["Day 1 · Saturday, December 2, 2017", "Day 2 · Sunday, December 3, 2017"]
    )
    expect(
        page.get_by_role("link", name=re.compile(r"^Small table with governments"))
    ).to_have_count(10)
    expect(page.get_by_role("link", name=re.compile(r"^Group session: ACT"))).to_have_count(10)
    # The coordinator's tools, under "More" in the navigation bar.
    page.get_by_role("button", name="More").or_(page.get_by_role("link", name="More")).click()
    expect(page.get_by_role("link", name="People")).to_be_visible()
    assert page.console_errors == []


def test_a_wrong_password_is_refused_in_the_browser(page):
    sign_in_from_the_agenda(page, password="not the demo password")
    expect(page.get_by_text("Email or password is incorrect.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/sign-in"))


def test_on_a_phone_the_menu_opens_and_leads_to_the_agenda(open_page):
    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    sign_in(page, "member@example.org")
    agenda = page.get_by_role("link", name="Agenda")
    expect(agenda).to_be_hidden()
    page.wait_for_load_state("load")  # Bootstrap's script, at the end of the body, has run
    page.get_by_role("button", name="Menu").click()  # Bootstrap's own script, allowed by the CSP
    agenda.click()
    expect(page.get_by_role("heading", name=re.compile(r"^Day 2 ·"))).to_be_visible()
    assert page.console_errors == []


def test_signing_out_in_the_browser(page):
    sign_in_from_the_agenda(page)
    expect(page).to_have_url(re.compile(r"/agenda$"))
    page.get_by_role("button", name="Sign out").click()  # a POST carrying the CSRF token
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    page.goto("/agenda")
    expect(page).to_have_url(re.compile(r"/sign-in\?next="))
