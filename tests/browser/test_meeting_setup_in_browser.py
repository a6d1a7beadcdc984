"""In a real browser: a coordinator sets up a meeting with three agenda items and a speaker;
a member finds it on the agenda and adds it to a calendar."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

ITEMS = [
    (
        "09:00",
        "10:30",
        "Opening plenary of the consultation",
        "Ana Example | Migrant Forum in Asia | moderator",
    ),
    ("10:30", "10:45", "Coffee break at the consultation", ""),
    ("10:45", "12:30", "Panel on safe pathways", ""),
]


def add_item(page, start: str, end: str, title: str, speakers: str) -> None:
    page.get_by_role("link", name="Add an item").first.click()
    page.get_by_label("Starts at").fill(start)
    page.get_by_label("Ends at").fill(end)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Venue or room").fill("Main hall")
    page.get_by_label("Speakers and moderators").fill(speakers)
    page.get_by_role("button", name="Save the item").click()
    expect(page.get_by_text("Item added to the agenda.")).to_be_visible()


def test_a_coordinator_sets_up_a_meeting_that_a_member_adds_to_a_calendar(
    open_page, tmp_path: Path
):
    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto("/meetings/new")
    coordinator.get_by_label("Title").fill("Asia-Pacific regional consultation")
    coordinator.get_by_label("City").fill("Bangkok")
    coordinator.get_by_label("Country").fill("Thailand")
    coordinator.get_by_label("Time zone").select_option("Asia/Bangkok")
    coordinator.get_by_label("First day").fill("2017-11-20")
    coordinator.get_by_label("Last day").fill("2017-11-21")
    coordinator.get_by_label("Languages of interpretation").select_option(["en", "fr"])
    coordinator.get_by_role("button", name="Save the meeting").click()
    expect(coordinator.get_by_text("Meeting created: now add its agenda.")).to_be_visible()
    for item in ITEMS:
        add_item(coordinator, *item)
    expect(coordinator.get_by_text("Room conflict")).to_have_count(0)
    slug = coordinator.url.split("/meetings/")[1].split("#")[0]
    assert coordinator.console_errors == []

    member = open_page(accept_downloads=True)
    sign_in(member, "member@example.org")
    member.goto("/agenda")
    member.get_by_role("link", name="Asia-Pacific regional consultation").click()
    expect(member).to_have_url(re.compile(rf"/meetings/{slug}$"))
    for _start, _end, title, _speakers in ITEMS:
        expect(member.get_by_role("link", name=title)).to_be_visible()
    expect(member.get_by_text("Ana Example")).to_be_visible()
    expect(member.get_by_role("link", name="Edit")).to_have_count(0)  # not a coordinator
    calendar_link = member.get_by_role("link", name="Add to my calendar")
    response = member.request.get(calendar_link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    with member.expect_download() as download:
        calendar_link.click()
    saved = tmp_path / "agenda.ics"
    download.value.save_as(saved)
    text = saved.read_text("utf-8")
    assert text.count("BEGIN:VEVENT") == 3
    for _start, _end, title, _speakers in ITEMS:
        assert title in text.replace("\r\n ", "")
    assert "TZID=Asia/Bangkok:20171120T090000" in text
    assert member.console_errors == []
