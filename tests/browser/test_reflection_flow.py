"""In a real browser: a coordinator adds a draft by pasting it; a member opens a key
message's reflection page, records a proposed paragraph in one click, sees it recorded, and
sees the carry-through matrix cell of that message and draft change."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

TEXT = """## Objective 13: Use migration detention only as a measure of last resort

29. We commit to ensure that any detention in the context of international migration follows due process.

(a) Prioritise non-custodial alternatives to detention that are in line with international law.

(b) Work to end the practice of child detention in the context of international migration.

## Objective 20: Promote faster, safer and cheaper transfer of remittances

36. We commit to promote faster, safer and cheaper remittances.
"""


def test_member_records_a_reflection_from_a_proposal(open_page):
    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto("/drafts/new")
    coordinator.get_by_label("Name").fill("Browser draft")
    coordinator.get_by_label("Release date").fill(
        "2018-01-15"
    )  # before the demo drafts: nothing carries onto it
    coordinator.get_by_label("Paste the text").fill(TEXT)
    coordinator.get_by_role("button", name="Add the draft").click()
    expect(coordinator.get_by_text("The draft Browser draft is added")).to_be_visible()
    draft_id = re.search(r"/drafts/(\d+)", coordinator.url).group(1)

    member = open_page()
    sign_in(member, "member@example.org")
    member.goto("/messages?act=3")
    link = member.get_by_role("link", name=re.compile("End the immigration detention of children"))
    message_id = re.search(r"/messages/(\d+)", link.first.get_attribute("href")).group(1)
    cell = member.locator(f'td a[href="/messages/{message_id}/reflections/{draft_id}"]')
    member.goto("/drafts/matrix?act=3")
    expect(cell).to_contain_text("Not assessed")
    cell.click()
    expect(member).to_have_url(re.compile(rf"/messages/{message_id}/reflections/{draft_id}$"))
    expect(member.locator("#reflection-level")).to_contain_text("Not recorded yet")

    proposals = member.locator("li.proposal")
    first = proposals.first
    expect(first).to_contain_text("Work to end the practice of child detention")
    first.get_by_role("button", name=re.compile(r"^Record as strong")).click()

    expect(member.get_by_text("Recorded: Strong, paragraph 29(b).")).to_be_visible()
    expect(member.locator("#reflection-level")).to_contain_text("Strong")
    expect(member.locator("#reflection-level")).to_contain_text("29(b)")
    # The paragraph's link leads to its place in the draft, on the page that shows it, where
    # its reflections are counted and their list opens in place.
    member.locator("#reflection-level").get_by_role("link", name="29(b)").click()
    expect(member).to_have_url(re.compile(rf"/drafts/{draft_id}(\?page=\d+)?#p-29-b$"))
    paragraph = member.locator("#p-29-b")
    reflections_link = paragraph.locator("a.paragraph-reflections")
    expect(reflections_link).to_contain_text("key message")
    reflections_link.click()
    expect(paragraph.locator(f'a[href="/messages/{message_id}"]')).to_be_visible()
    expect(member).to_have_url(re.compile(rf"/drafts/{draft_id}(\?page=\d+)?#p-29-b$"))
    # Without scripts the same link is a page of its own.
    member.goto(reflections_link.get_attribute("href"))
    expect(member.locator("#paragraph-reflections")).to_contain_text(
        "End the immigration detention of children"
    )
    # ...and the matrix cell of this message and draft now reads Strong.
    member.goto("/drafts/matrix?act=3")
    expect(cell).to_contain_text("Strong")
    expect(cell.locator("xpath=..")).to_have_class(re.compile(r"level-strong"))
    assert member.console_errors == []
    assert coordinator.console_errors == []
