"""The demo's accounts in a real browser: their password, and signing in as one of them."""

import re

from playwright.sync_api import expect

DEMO_PASSWORD = "tenacts-demo-2017"


def sign_in(page, email: str) -> None:
    """Sign in from the sign-in page; the dashboard opens."""
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))
