"""An action's path in a real browser: a coordinator assigns a follow-up action from a key
message; the member finds it in My actions and marks it done with a note; the coordinator
sees the change in the log and in a notification, and opening it clears the unread badge."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

MEMBER_NAME = "Mariam Member"
MESSAGE_TEXT = "End the immigration detention of children"


def navbar(page):
    return page.get_by_role("navigation", name="Main")


def notifications_link(page):
    return navbar(page).get_by_role("link", name=re.compile(r"^Notifications"))


def unread_badge(page):
    return notifications_link(page).locator(".badge")


def unread_count(page) -> int:
    badge = unread_badge(page)
    if badge.count() == 0:
        return 0
    return int(re.match(r"\d+", badge.inner_text().strip()).group(0))


def expect_unread(page, count: int) -> None:
    if count:
        expect(unread_badge(page)).to_have_text(re.compile(rf"^\s*{count}\s+unread\s*$"))
    else:
        expect(unread_badge(page)).to_have_count(0)


def test_member_marks_an_assigned_action_done_and_coordinator_is_told(open_page):
    title = f"Brief the chair on child detention {uuid.uuid4().hex[:8]}"
    note = f"Sent the brief to the chair's office ({uuid.uuid4().hex[:6]})."

    # 1. The coordinator assigns a follow-up action from a key message of ACT 3.
    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto("/messages?act=3")
    coordinator.get_by_role("link", name=re.compile(MESSAGE_TEXT)).first.click()
    expect(coordinator).to_have_url(re.compile(r"/messages/\d+$"))
    message_id = re.search(r"/messages/(\d+)$", coordinator.url).group(1)
    follow_ups = coordinator.get_by_role("region", name="Follow-up actions")
    follow_ups.get_by_role("link", name="Assign a follow-up action").click()
    expect(coordinator).to_have_url(re.compile(rf"/actions/new\?key_message={message_id}$"))
    expect(coordinator.get_by_label("Title")).to_have_value(re.compile(r"^Follow up: "))
    # The key message's ACT is preselected.
    chosen_act = coordinator.get_by_label("ACT", exact=True).locator("option:checked")
    expect(chosen_act).to_have_text(re.compile(r"^ACT 3: "))

    coordinator.get_by_label("Title").fill(title)
    coordinator.get_by_label("Owner").select_option(label=MEMBER_NAME)
    coordinator.get_by_label("Due date").fill("2018-03-23")
    coordinator.get_by_label("Priority").select_option(label="High")
    coordinator.get_by_role("button", name="Save the action").click()

    expect(coordinator).to_have_url(re.compile(r"/actions/\d+$"))
    action_url = coordinator.url
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(title)
    expect(coordinator.get_by_text("Action created.")).to_be_visible()
    expect(coordinator.get_by_text("From the key message", exact=True)).to_be_visible()
    expect(coordinator.get_by_role("link", name=re.compile(MESSAGE_TEXT))).to_be_visible()
    coordinator_unread = unread_count(coordinator)

    # 2. The member is told, finds it under "Due this week" and marks it done with a note.
    member = open_page()
    sign_in(member, "member@example.org")
    expect(unread_badge(member)).to_contain_text("unread")
    navbar(member).get_by_role("link", name="Actions", exact=True).click()
    expect(member).to_have_url(re.compile(r"/actions/mine$"))
    expect(member.get_by_role("link", name="My actions", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    this_week = member.get_by_role("region", name=re.compile(r"^Due this week"))
    this_week.get_by_role("link", name=title, exact=True).click()
    expect(member).to_have_url(action_url)

    member.get_by_label("New status").select_option(label="Done")
    member.get_by_label("Progress note (optional)").fill(note)
    member.get_by_role("button", name="Update the status").click()
    expect(member.get_by_text("Status updated.")).to_be_visible()
    member_log = member.get_by_role("region", name="Log")
    expect(member_log.locator(".log-note", has_text=note)).to_be_visible()

    # 3. The coordinator sees the change in the log and a new notification.
    coordinator.reload()
    log = coordinator.get_by_role("region", name="Log")
    last = log.get_by_role("listitem").filter(has_text=note)
    expect(last).to_have_count(1)
    expect(last).to_contain_text(MEMBER_NAME)
    expect(last).to_contain_text("Status changed")
    expect(last.locator(".badge-action-done")).to_have_text("Done")
    expect(coordinator.get_by_text("Done", exact=True).first).to_be_visible()
    expect_unread(coordinator, coordinator_unread + 1)

    notifications_link(coordinator).click()
    expect(coordinator).to_have_url(re.compile(r"/notifications$"))
    item = coordinator.get_by_role("listitem").filter(has_text=title)
    expect(item).to_have_count(1)
    expect(item).to_contain_text(f"{MEMBER_NAME} moved the action")
    expect(item).to_contain_text("Done")
    expect(item).to_contain_text("New")
    item.get_by_role("button", name="Open the action").click()
    expect(coordinator).to_have_url(action_url)
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(title)
    expect_unread(coordinator, coordinator_unread)
    assert member.console_errors == []
    assert coordinator.console_errors == []
