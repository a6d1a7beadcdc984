"""Archiving in a real browser: a coordinator archives a note from its page with a reason,
members no longer find it, the archive lists it, and one click brings it back."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

REASON = "Typed twice by two note-takers."


def test_a_coordinator_archives_a_note_and_restores_it(open_page):
    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto("/acts/3")
    note_link = coordinator.locator("#h-act-notes + ul a[href^='/notes/']").first
    title = note_link.inner_text()
    note_link.click()
    expect(coordinator).to_have_url(re.compile(r"/notes/\d+$"))
    note_url = coordinator.url

    coordinator.get_by_role("link", name="Archive…").click()
    coordinator.get_by_label("Why is it archived?").fill(REASON)
    coordinator.get_by_role("button", name="Archive").click()
    expect(coordinator).to_have_url(re.compile(r"/archive$"))
    expect(coordinator.get_by_role("row", name=re.compile(re.escape(title)))).to_contain_text(
        REASON
    )

    member = open_page()
    sign_in(member, "member@example.org")
    member.goto("/acts/3")
    expect(member.get_by_role("link", name=title, exact=True)).to_have_count(0)
    response = member.goto(note_url)
    assert response is not None
    assert response.status == 404

    coordinator.goto(note_url)
    expect(coordinator.get_by_role("status")).to_contain_text(REASON)
    coordinator.get_by_role("button", name="Restore").click()
    expect(coordinator).to_have_url(note_url)
    expect(coordinator.get_by_role("link", name="Archive…")).to_be_visible()

    member.goto("/acts/3")
    expect(member.get_by_role("link", name=title, exact=True).first).to_be_visible()
    assert coordinator.console_errors == []
