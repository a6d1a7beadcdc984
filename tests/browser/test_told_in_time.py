"""Being told in time, in a real browser: a follower learns that a new draft weakened an ask
they follow; a rapporteur and a coordinator go through a review round told of each step."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

ZERO_DRAFT = Path(__file__).resolve().parents[2] / "tracker/data/demo/drafts/zero-draft.md"
CHILD_DETENTION = (
    "(c) Protect and respect the rights and best interests of the child at all times, and "
    "strive to end the practice of child detention where possible."
)
SOFTER = (
    "(c) Protect the best interests of the child and consider alternatives to detention, "
    "as appropriate."
)


def test_a_follower_is_told_that_a_new_draft_weakens_an_ask(open_page):
    member = open_page()
    sign_in(member, "member@example.org")
    member.goto("/acts/3")
    member.get_by_role("button", name=re.compile(r"^Follow")).click()
    expect(member.get_by_role("button", name=re.compile("Stop following"))).to_be_visible()

    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    text = ZERO_DRAFT.read_text(encoding="utf-8")
    assert CHILD_DETENTION in text
    coordinator.goto("/drafts/new")
    coordinator.get_by_label("Name").fill("Zero draft plus (browser)")
    coordinator.get_by_label("Release date").fill("2018-03-05")  # after the zero draft
    coordinator.get_by_label("Paste the text").fill(text.replace(CHILD_DETENTION, SOFTER))
    coordinator.get_by_role("button", name="Add the draft").click()
    expect(coordinator.get_by_text("The draft Zero draft plus (browser) is added")).to_be_visible()

    member.goto("/dashboard")
    member.get_by_role("link", name=re.compile("Notifications")).click()
    notice = member.locator("li", has_text="Zero draft plus (browser) weakens the ask")
    expect(notice).to_contain_text("End the immigration detention of children")
    notice.get_by_role("button", name=re.compile("^View")).click()
    expect(member).to_have_url(re.compile(r"/drafts/\d+/asks#alert-\d+$"))
    expect(member.get_by_role("heading", level=1)).to_contain_text("What changed for our asks")
    card = member.locator("article.alert-card-weakened").first
    expect(card).to_contain_text("Weakened")
    expect(card).to_contain_text("Commitment softened")
    expect(card.locator("del").first).to_be_visible()
    expect(card.locator("ins").first).to_be_visible()
    assert member.console_errors == []
    assert coordinator.console_errors == []


def _open_notification(page, text: str) -> None:
    page.goto("/notifications")
    item = page.locator("li", has_text=text).first
    expect(item).to_be_visible()
    item.get_by_role("button", name=re.compile("^View")).click()


def test_a_review_round_tells_each_person_their_next_step(open_page):
    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto("/acts/7")
    coordinator.get_by_role("link", name=re.compile("Group session: ACT 7")).first.click()
    coordinator.get_by_label("Rapporteur", exact=True).select_option(
        label="Ravi Rapporteur (Rapporteur)"
    )
    coordinator.get_by_role("button", name="Assign the rapporteur").click()
    expect(coordinator).to_have_url(re.compile(r"/reports/\d+$"))
    report_url = coordinator.url

    rapporteur = open_page()
    sign_in(rapporteur, "rapporteur3@example.org")
    section = rapporteur.locator(
        "section", has=rapporteur.get_by_role("heading", name="Your report to write")
    )
    section.get_by_role("link", name=re.compile("ACT 7")).click()
    rapporteur.get_by_label("Summary").fill("Inclusion first: equal treatment in services.")
    rapporteur.get_by_role("button", name="Save the report").click()
    rapporteur.get_by_role("button", name="Submit for review").click()
    expect(rapporteur.get_by_text("The report is submitted for review.")).to_be_visible()

    coordinator.goto("/dashboard")
    review = coordinator.locator(
        "section", has=coordinator.get_by_role("heading", name="Awaiting your review")
    )
    expect(review).to_contain_text("Ravi Rapporteur")
    _open_notification(coordinator, "Ravi Rapporteur submitted the report of ACT 7")
    expect(coordinator).to_have_url(report_url)
    coordinator.get_by_label("What the rapporteur should revise").fill(
        "Name the groups facing discrimination."
    )
    coordinator.get_by_role("button", name="Return to the rapporteur").click()

    _open_notification(rapporteur, "Name the groups facing discrimination.")
    expect(rapporteur).to_have_url(report_url)
    rapporteur.get_by_role("link", name="Edit the report").click()
    returned = rapporteur.locator("section.alert-warning")
    expect(returned).to_contain_text("Returned for revision by")
    expect(returned).to_contain_text("Name the groups facing discrimination.")
    rapporteur.get_by_label("Summary").fill(
        "Inclusion first: equal treatment of migrants, whatever their origin, in services."
    )
    rapporteur.get_by_role("button", name="Save the report").click()
    rapporteur.get_by_role("button", name="Submit for review").click()

    _open_notification(coordinator, "Ravi Rapporteur submitted the report of ACT 7")
    coordinator.get_by_role("button", name="Accept the report").click()
    expect(coordinator.get_by_text("Accepted", exact=True).first).to_be_visible()

    _open_notification(rapporteur, "accepted the report of ACT 7")
    expect(rapporteur).to_have_url(report_url)
    expect(rapporteur.get_by_role("link", name="Edit the report")).to_have_count(0)
    assert rapporteur.console_errors == []
    assert coordinator.console_errors == []
