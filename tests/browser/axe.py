"""axe-core inside the browser tests: audit a page and fail on serious or critical violations.

axe.min.js (axe-core 4.14.1, MPL-2.0, from the npm registry) sits beside this module; it is
read by the tests and injected through the browser's DevTools protocol, never served by the app.

PAGES lists the pages audited for each role. A page is a path, or a path plus a pattern of the
first link on that page to follow (so ids need not be known in advance). Add new pages here.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

AXE_SOURCE = (Path(__file__).with_name("axe.min.js")).read_text(encoding="utf-8")
FAILING_IMPACTS = ("serious", "critical")


@dataclass(frozen=True)
class AuditedPage:
    name: str
    path: str
    follow: str | None = None  # regex of an href on `path` to open instead
    roles: frozenset[str] = frozenset({"member", "observer", "coordinator"})


EVERYONE = frozenset({"member", "observer", "coordinator"})
CIVIL_SOCIETY = frozenset({"member", "coordinator"})
COORDINATOR = frozenset({"coordinator"})


PAGES = [
    AuditedPage("dashboard", "/dashboard"),
    AuditedPage("ACTs", "/acts"),
    AuditedPage("ACT", "/acts/3"),
    AuditedPage("agenda", "/agenda"),
    AuditedPage("session", "/agenda", follow=r"^/sessions/\d+$"),
    AuditedPage("drafts", "/drafts"),
    AuditedPage("draft", "/drafts", follow=r"^/drafts/\d+$"),
    AuditedPage("draft changes", "/drafts", follow=r"^/drafts/\d+/changes$", roles=CIVIL_SOCIETY),
    AuditedPage("matrix", "/drafts/matrix"),
    AuditedPage("brief", "/acts/3/brief"),
    AuditedPage("key messages", "/messages?act=3"),
    AuditedPage("key message", "/messages?act=3", follow=r"^/messages/\d+$"),
    AuditedPage("report", "/acts/3", follow=r"^/reports/\d+$"),
    AuditedPage("table outcome", "/acts/3", follow=r"^/outcomes/\d+$"),
    AuditedPage("note", "/acts/3", follow=r"^/notes/\d+$", roles=CIVIL_SOCIETY),
    AuditedPage("my actions", "/actions/mine", roles=CIVIL_SOCIETY),
    AuditedPage("actions", "/actions", roles=CIVIL_SOCIETY),
    AuditedPage("board", "/actions/board", roles=CIVIL_SOCIETY),
    AuditedPage("action", "/actions", follow=r"^/actions/\d+$", roles=CIVIL_SOCIETY),
    AuditedPage("new action", "/actions/new", roles=COORDINATOR),
    AuditedPage("new draft", "/drafts/new", roles=COORDINATOR),
    AuditedPage("people", "/admin/users", roles=COORDINATOR),
    AuditedPage("search", "/search?q=detention"),
    AuditedPage("notifications", "/notifications"),
    AuditedPage("account", "/account"),
    AuditedPage("governments", "/governments"),
    AuditedPage("government", "/governments", follow=r"^/governments/\d+$"),
    AuditedPage("positions", "/positions", roles=CIVIL_SOCIETY),
    AuditedPage("positions form", "/positions/new", roles=CIVIL_SOCIETY),
    AuditedPage("who to lobby", "/acts/3/lobby", roles=CIVIL_SOCIETY),
    AuditedPage("what changed for our asks", "/drafts/2/asks", roles=CIVIL_SOCIETY),
    AuditedPage("organisations", "/organizations", roles=CIVIL_SOCIETY),
    AuditedPage("archive", "/archive", roles=COORDINATOR),
    AuditedPage("activity log", "/activity", roles=COORDINATOR),
    AuditedPage("milestones", "/milestones", roles=COORDINATOR),
    AuditedPage("API tokens", "/account/tokens"),
    AuditedPage("API reference", "/api-reference"),
    AuditedPage("public scorecard settings", "/scorecard/settings", roles=COORDINATOR),
    AuditedPage("ACT translations", "/acts/3/translations", roles=COORDINATOR),
]


def pages_for(role: str) -> list[AuditedPage]:
    return [p for p in PAGES if role in p.roles]


def _expect_ok(response, what: str) -> None:
    assert response is not None, f"{what} did not answer"
    assert response.ok, f"{what} answered {response.status}"


def open_audited(page, audited: AuditedPage) -> str:
    """Open the page (following its link if it has one); return the path opened."""
    _expect_ok(page.goto(audited.path), f"{audited.name}: {audited.path}")
    if audited.follow is None:
        return audited.path
    hrefs = page.eval_on_selector_all(
        "main a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    target = next((h for h in hrefs if re.match(audited.follow, h.split("#")[0])), None)
    assert target is not None, (
        f"{audited.name}: no link matching {audited.follow} on {audited.path}"
    )
    _expect_ok(page.goto(target), f"{audited.name}: {target}")
    return target


def serious_violations(page) -> list[dict]:
    """Run axe-core on the page as it stands; return its serious and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE + "\n;undefined")
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']} — {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


def assert_accessible(page, audited: AuditedPage) -> None:
    path = open_audited(page, audited)
    violations = serious_violations(page)
    assert violations == [], f"axe-core on {audited.name} ({path}):\n{describe(violations)}"
