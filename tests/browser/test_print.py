"""The print view in a real browser: links in the content are followed by their full address,
and the page's review date is on paper too; on screen neither shows."""

import pytest
from wagtail.models import Site

from home.demo import seed

pytestmark = pytest.mark.browser

AFTER = "el => getComputedStyle(el, '::after').content"


def printed_address(locator):
    return locator.evaluate(AFTER)


def test_printed_links_show_full_addresses_and_the_review_date(page, demo):
    root = Site.objects.get(is_default_site=True).root_url
    page.goto("/prohlaseni-o-pristupnosti/")
    main = page.locator("main")
    # A link in rich text (the accessible alternatives lead to the document library).
    library = main.locator(".accessibility-statement a[href='/dokumenty/']")
    # A link written by a template (the feedback form for this page).
    report = main.locator(".accessibility-statement a[href^='/pripominka-ke-strance/']")
    external = main.locator("a[href='https://www.dia.gov.cz/']")
    mail = main.locator("a[href='mailto:posta@dia.gov.cz']")
    anchor = main.locator(".toc a").first
    review = main.locator(".review-info")
    assert printed_address(library) == "none"  # the screen shows no addresses
    assert not review.is_hidden()

    page.emulate_media(media="print")
    assert printed_address(library) == f'" ({root}/dokumenty/)"'
    report_path = report.get_attribute("href")
    assert printed_address(report) == f'" ({root}{report_path})"'
    assert printed_address(external) == '" (https://www.dia.gov.cz/)"'
    assert printed_address(mail) in {"none", "normal"}
    assert printed_address(anchor) in {'""', "none"}
    assert review.is_visible()
    assert "1. 10. 2026" in review.inner_text()

    page.emulate_media(media="screen")
    assert printed_address(library) == "none"


def test_printed_article_keeps_glossary_terms_plain_and_lists_related_addresses(page, demo):
    root = Site.objects.get(is_default_site=True).root_url
    page.goto(f"/metodika/{seed.SLUG}/")
    page.emulate_media(media="print")
    term = page.locator("main a.glossary-term").first
    assert printed_address(term) in {'""', "none"}
    cards = page.locator("main .card a[href^='/']")
    assert cards.count() > 0
    for index in range(cards.count()):
        card = cards.nth(index)
        assert printed_address(card) == f'" ({root}{card.get_attribute("href")})"'
