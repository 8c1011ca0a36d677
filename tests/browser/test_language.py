"""A reader switches language: to the translation of the page, and back, and where there is
none, to a page that says so and offers both ways on. axe-core checks the English pages."""

import pytest

from home.demo import seed
from home.pages.models import SectionPage
from tests import factories

from .test_accessibility import check_pages

pytestmark = pytest.mark.browser

ENGLISH_SEED = "/en/methodology/ngos-working-with-municipalities/"


@pytest.fixture
def untranslated(demo):
    section = SectionPage.objects.get(slug="metodika")
    return factories.ArticlePageFactory(
        parent=section, title="Jen česky psaný článek", slug="jen-cesky"
    )


def test_reader_switches_the_seed_article_to_english_and_back(page, demo):
    page.goto(f"/metodika/{seed.SLUG}/")
    assert page.locator("html").get_attribute("lang") == "cs"
    page.get_by_role("navigation", name="Jazyk").get_by_role("link", name="English").click()
    page.wait_for_url(f"**{ENGLISH_SEED}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == (
        "How can non-profit organisations work with a municipality to provide social housing?"
    )
    assert page.get_by_role("link", name="Skip to main content").count() == 1
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Čeština").click()
    page.wait_for_url(f"**/metodika/{seed.SLUG}/")
    assert page.locator("h1").inner_text() == seed.TITLE


def test_untranslated_page_says_so_and_offers_both_ways(page, demo, untranslated):
    page.goto(untranslated.url)
    switcher = page.get_by_role("navigation", name="Jazyk")
    assert "not translated yet" in switcher.inner_text()
    switcher.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/not-translated/{untranslated.pk}/")
    assert page.locator("h1").inner_text() == "This page is not available in English yet"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name=untranslated.title).click()
    page.wait_for_url(f"**{untranslated.url}")
    page.go_back()
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url("**/en/")
    assert page.locator("h1").inner_text() == "Social housing"


def test_english_pages_have_no_axe_violations(page, demo, untranslated, guard, axe):
    check_pages(
        page,
        guard,
        axe,
        [
            ("/en/", 200),
            (ENGLISH_SEED, 200),
            ("/en/search/?q=cooperation", 200),
            ("/en/topics/social-work/", 200),
            (f"/en/not-translated/{untranslated.pk}/", 200),
            ("/en/no-such-page/", 404),
        ],
    )
