"""axe-core on the pages a reader meets: every rule axe runs by default, and more.

axe.js comes inside the axe-playwright-python package, so nothing is fetched.
"""

import re

import pytest

from home.demo import seed

pytestmark = pytest.mark.browser

# Path and expected status. One test walks them all: the demo site takes seconds to build.
PAGES = [
    ("/", 200),
    (f"/metodika/{seed.SLUG}/", 200),
    ("/hledat/?q=spoluprace", 200),
    ("/temata/spoluprace-obci-a-nno/", 200),
    # Guidance: entry point (filtered, and with an unknown topic), FAQ, signpost, directory.
    ("/jsem-obec/?topic=koncepce-a-planovani", 200),
    ("/jsem-neziskova-organizace/?topic=neexistuje", 200),
    ("/jsem-neziskova-organizace/caste-otazky/", 200),
    ("/potrebuji-pomoc-s-bydlenim/kam-se-obratit/?kraj=ustecky", 200),
    ("/kontaktni-mista/?obec=usti", 200),
    ("/kontaktni-mista/?kraj=mars&obec=x", 200),
    ("/tahle-stranka-neexistuje/", 404),
]


# Rules axe ships switched off, switched on here. Duplicate ids break label and ARIA
# references and fragment links; axe retired the rules with HTML's parsing criterion, not
# because duplicates became harmless. target-size is WCAG 2.2 AA (24 by 24 CSS pixels).
EXTRA_RULES = ["duplicate-id", "duplicate-id-active", "target-size"]
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {rule: {"enabled": True} for rule in EXTRA_RULES},
}


def run_axe(axe, page) -> dict:
    # After a click the new page's elements can be there before its stylesheets are:
    # without them, sizes and contrast are the browser's defaults, not the site's.
    page.wait_for_load_state("load")
    return axe.run(page, options=AXE_OPTIONS).response


def describe(violations: list[dict]) -> str:
    """One line per violation and one per element it was found on."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(line.strip() for line in node.get("failureSummary", "").splitlines())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def check_pages(page, guard, axe, pages) -> None:
    """Open each (path, status) and fail with every violation axe finds on any of them."""
    found = {}
    for path, status in pages:
        if status == 404:
            # Chromium logs the page's own status as a console error; nothing else may be.
            guard.expect_console_error(
                rf"status of 404 \(Not Found\) \(http://[^/]+{re.escape(path)}\)$"
            )
        response = page.goto(path)
        assert response.status == status, path
        page.wait_for_load_state("load")

        results = run_axe(axe, page)

        # axe ran for real: on this page, with the rules switched on.
        assert results["url"].endswith(path)
        assert len(results["passes"]) > 20, path
        assert "color-contrast" in {rule["id"] for rule in results["passes"]}, path
        ran = {
            rule["id"]
            for kind in ("passes", "inapplicable", "violations")
            for rule in results[kind]
        }
        assert set(EXTRA_RULES) <= ran, path
        if results["violations"]:
            found[path] = results["violations"]

    report = "\n".join(f"{path}\n{describe(violations)}" for path, violations in found.items())
    assert not found, f"axe found violations:\n{report}"


def test_reader_pages_have_no_axe_violations(page, demo, guard, axe):
    check_pages(page, guard, axe, PAGES)


def test_axe_reports_what_it_should(page, demo, guard, axe):
    """The check above can fail: faults planted in a page are reported, with their targets."""
    guard.expect_console_error(r"status of 404 \(Not Found\)")
    page.goto("/tahle-stranka-neexistuje/")
    # The site's Content-Security-Policy refuses inline styles, so the low contrast is
    # planted through the CSS object model, which the policy does not govern.
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend",
                '<img id="planted-image" src="/static/img/favicon.svg">'
                + '<p id="planted-text">Málo kontrastu</p>'
                + '<p id="planted-text">Stejné id</p>');
            const planted = main.querySelector("#planted-text");
            planted.style.setProperty("color", "#bbb");
            planted.style.setProperty("background", "#fff");
        }"""
    )

    violations = run_axe(axe, page)["violations"]

    report = describe(violations)
    assert {violation["id"] for violation in violations} >= {
        "image-alt",
        "color-contrast",
        "duplicate-id",
    }, report
    assert "image-alt (critical)" in report
    assert "#planted-image" in report
