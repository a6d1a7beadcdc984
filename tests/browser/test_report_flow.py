"""A report's path in a real browser: the rapporteur writes and submits it; the coordinator
returns it with a comment, the rapporteur resubmits, and the coordinator accepts it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser


def open_act_five_report(page) -> None:
    page.goto("/acts/5")
    page.get_by_role("link", name=re.compile(r"^Report of ")).first.click()
    expect(page).to_have_url(re.compile(r"/reports/\d+$"))


def test_rapporteur_submits_and_coordinator_returns_then_accepts(open_page):
    rapporteur = open_page()
    sign_in(rapporteur, "rapporteur@example.org")
    open_act_five_report(rapporteur)
    report_url = rapporteur.url

    rapporteur.get_by_role("link", name="Edit the report").click()
    rapporteur.get_by_label("Summary").fill("The group agreed on **access to justice** first.")
    rapporteur.get_by_label("Top priorities").fill("Firewalls\nLegal aid")
    rapporteur.get_by_role("button", name="Save the report").click()
    expect(rapporteur.locator("strong", has_text="access to justice")).to_be_visible()
    rapporteur.get_by_role("button", name="Submit for review").click()
    expect(rapporteur.get_by_text("Submitted for review", exact=True).first).to_be_visible()

    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto(report_url)
    coordinator.get_by_label("What the rapporteur should revise").fill(
        "Please rank the legal aid priority first."
    )
    coordinator.get_by_role("button", name="Return to the rapporteur").click()
    expect(coordinator.get_by_text("Please rank the legal aid priority first.")).to_be_visible()

    rapporteur.goto(report_url)
    expect(rapporteur.get_by_text("Please rank the legal aid priority first.")).to_be_visible()
    rapporteur.get_by_role("link", name="Edit the report").click()
    rapporteur.get_by_label("Top priorities").fill("Legal aid\nFirewalls")
    rapporteur.get_by_role("button", name="Save the report").click()
    rapporteur.get_by_role("button", name="Submit for review").click()

    coordinator.goto(report_url)
    coordinator.get_by_role("button", name="Accept the report").click()
    expect(coordinator.get_by_text("Accepted", exact=True).first).to_be_visible()
    rapporteur.goto(report_url)
    expect(rapporteur.get_by_role("link", name="Edit the report")).to_have_count(0)
    assert rapporteur.console_errors == []
    assert coordinator.console_errors == []
