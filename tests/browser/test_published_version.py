"""A published report in a real browser: the coordinator reopens it, the rapporteur revises
it, and the government observer keeps reading the published text until it is published
again."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accounts import sign_in

pytestmark = pytest.mark.browser

REVISED = "A revision still being discussed among civil society."


def open_act_three_report(page) -> None:
    page.goto("/acts/3")
    page.get_by_role("link", name=re.compile(r"^Report of ")).first.click()
    expect(page).to_have_url(re.compile(r"/reports/\d+$"))


def test_observers_read_the_published_version_until_it_is_published_again(open_page):
    observer = open_page()
    sign_in(observer, "observer@example.org")
    open_act_three_report(observer)
    report_url = observer.url
    published = observer.locator("#h-summary + .markdown-body").inner_text()

    coordinator = open_page()
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto(report_url)
    coordinator.get_by_role("button", name="Reopen for revision").click()
    expect(coordinator.get_by_text("The report is reopened")).to_be_visible()

    rapporteur = open_page()
    sign_in(rapporteur, "rapporteur@example.org")
    rapporteur.goto(report_url)
    rapporteur.get_by_role("link", name="Edit the report").click()
    rapporteur.get_by_label("Summary").fill(REVISED)
    rapporteur.get_by_role("button", name="Save the report").click()
    expect(rapporteur.get_by_text(REVISED)).to_be_visible()
    expect(rapporteur.get_by_text("Changed since: governments still read")).to_be_visible()

    observer.reload()
    expect(observer.get_by_text(REVISED)).to_have_count(0)
    expect(observer.locator("#h-summary + .markdown-body")).to_have_text(published)
    expect(observer.get_by_text("Accepted", exact=True)).to_be_visible()

    rapporteur.get_by_role("button", name="Submit for review").click()
    coordinator.goto(report_url)
    coordinator.get_by_role("button", name="Accept the report").click()
    coordinator.get_by_role("button", name="Publish this version").click()
    expect(coordinator.get_by_text("Changed since")).to_have_count(0)

    observer.reload()
    expect(observer.get_by_text(REVISED)).to_be_visible()
    for page in (observer, coordinator, rapporteur):
        assert page.console_errors == []
