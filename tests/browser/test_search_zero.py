"""A search that finds nothing is a way forward: into the contact form, the words kept."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

NOTHING = "kvantová teleportace"


def test_zero_results_lead_to_the_contact_form_with_the_words(page, demo, axe):
    page.goto("/")
    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill(NOTHING)
    search.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/hledat/\?q="))
    main = page.get_by_role("main")
    # Ways forward instead of a dead end: the audiences and the topics, and the centre.
    expect(main.get_by_role("heading", name="Témata", level=2)).to_be_visible()
    violations = run_axe(axe, page)["violations"]
    assert violations == [], describe(violations)

    main.get_by_role("link", name="Zeptejte se Kontaktního centra").click()
    expect(page).to_have_url(re.compile(r"/napiste-nam/\?dotaz="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Napište nám")
    expect(page.locator("textarea[name=message]")).to_have_value(NOTHING)
    violations = run_axe(axe, page)["violations"]
    assert violations == [], describe(violations)
