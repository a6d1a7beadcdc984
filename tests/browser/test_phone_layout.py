"""On a phone (390 px wide) no page scrolls sideways; wide tables scroll inside their own
box. The navigation bar holds on one line, in every language and for every role, and the
dashboard opens on "My actions"."""

import pytest

from tests.browser.accounts import sign_in
from tests.browser.axe import open_audited, pages_for

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('main *, nav *')].filter(el => {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const overflowX = getComputedStyle(p).overflowX;
      if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return false;
    }
    return true;
  });
  return {scroll: document.documentElement.scrollWidth - width,
          culprits: wide.slice(0, 3).map(el => el.outerHTML.slice(0, 120))};
}"""


def nav_height(page) -> float:
    return page.locator("nav.navbar").bounding_box()["height"]


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_no_page_scrolls_sideways_on_a_phone(open_page, role):
    page = open_page(**PHONE)
    sign_in(page, f"{role}@example.org")
    wide = []
    for audited in pages_for(role):
        path = open_audited(page, audited)
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > 0:
            wide.append(f"{path}: {found['scroll']} px too wide, {found['culprits']}")
    assert wide == [], "\n".join(wide)
    assert page.console_errors == []


@pytest.mark.parametrize("locale", ["en-US", "fr-FR", "es-ES"])
@pytest.mark.parametrize("width", [390, 1024, 1280, 1440])
def test_the_navigation_bar_holds_on_one_line(open_page, locale, width):
    page = open_page(viewport={"width": width, "height": 900}, locale=locale)
    sign_in_as_admin(page, locale)
    page.goto("/dashboard")
    # One line: the brand's height plus the bar's padding (a second line doubles it).
    brand = page.locator(".navbar-brand").bounding_box()["height"]
    assert nav_height(page) < 2 * brand + 8, f"{locale} at {width}px wraps"
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        expect_menu = page.locator("#nav-main")
        expect_menu.wait_for(state="visible")
        assert page.locator("#nav-main .nav-link").first.is_visible()


def sign_in_as_admin(page, locale: str) -> None:
    """The admin sees the most items (People); the sign-in page is in the browser's language."""
    page.goto("/sign-in")
    page.locator("input[type=email]").fill("admin@example.org")
    page.locator("input[type=password]").fill("tenacts-demo-2017")
    page.locator("main form [type=submit]").click()
    page.wait_for_url("**/dashboard")


def test_the_dashboard_opens_on_my_actions_on_a_phone(open_page):
    page = open_page(**PHONE)
    sign_in(page, "member@example.org")
    mine = page.get_by_role("heading", name="My actions").bounding_box()
    road = page.get_by_role("heading", name="The road to adoption").bounding_box()
    assert mine["y"] < road["y"]
    assert mine["y"] < 844  # on the first screen
    steps = page.locator("details.road-steps")
    assert not steps.evaluate("d => d.open")
    steps.locator("summary").click()
    assert page.locator("ol.timeline li").first.is_visible()
