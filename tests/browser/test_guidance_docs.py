"""The document library, glossary and accessibility statement in a real browser: axe-core on
each new template, the library's filters without JavaScript, and the print view."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import seed

from .test_accessibility import check_pages

pytestmark = pytest.mark.browser


def test_new_public_pages_have_no_axe_violations(page, demo, guard, axe):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.get(title__startswith="Metodika spolupráce")
    check_pages(
        page,
        guard,
        axe,
        [
            ("/dokumenty/", 200),
            ("/dokumenty/?type=smlouva&year=loni&language=all", 200),
            ("/slovnik-pojmu/", 200),
            ("/slovnik-pojmu/?q=bydleni", 200),
            ("/prohlaseni-o-pristupnosti/", 200),
            ("/en/documents/", 200),
            ("/en/glossary/", 200),
            ("/en/accessibility-statement/", 200),
            (f"/napiste-nam/pripominka/?document={document.pk}", 200),
        ],
    )


def test_reader_filters_the_library_and_asks_for_an_accessible_format(page, demo):
    page.goto("/dokumenty/")
    page.get_by_label("Typ").select_option(label="Leták")
    page.get_by_role("button", name="Zobrazit dokumenty").click()
    expect(page).to_have_url(re.compile(r"/dokumenty/\?type=leaflet&"))
    titles = page.locator(".document-item__title")
    expect(titles).to_have_text(["Leták: Hrozí vám ztráta bydlení? (ukázka)"])
    expect(page.get_by_role("status")).to_have_text("1 dokument")

    page.locator(".accessible-format a").click()
    expect(page).to_have_url(re.compile(r"/napiste-nam/pripominka/\?document=\d+$"))
    expect(page.locator(".contact__about")).to_contain_text("Leták: Hrozí vám ztráta bydlení?")


def test_footer_leads_to_the_accessibility_statement(page, demo):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Prohlášení o přístupnosti").click()
    expect(page).to_have_url(re.compile(r"/prohlaseni-o-pristupnosti/$"))
    expect(page.get_by_role("heading", level=2, name="Stav souladu")).to_be_visible()


def test_glossary_link_in_an_article_opens_the_term(page, demo):
    page.goto(f"/metodika/{seed.SLUG}/")
    term = page.locator("main a.glossary-term").first
    href = term.get_attribute("href")
    term.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.locator(f"dt#{href.split('#')[1]}")).to_be_in_viewport()


def computed(page, selector, prop, pseudo=None):
    return page.evaluate(
        "([selector, prop, pseudo]) => getComputedStyle(document.querySelector(selector), pseudo)"
        ".getPropertyValue(prop)",
        [selector, prop, pseudo],
    )


def test_print_view_shows_content_addresses_and_the_review_date(page, demo):
    page.goto(f"/metodika/{seed.SLUG}/")
    page.emulate_media(media="print")

    for hidden in (".site-nav", ".site-search", ".site-footer__newsletter", ".page-feedback"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".review-info")).to_be_visible()
    expect(page.locator(".review-info")).to_contain_text("Stránka naposledy zkontrolována")
    # Links print their address; in-page anchors and glossary terms do not.
    tag = "main .taxonomy-tags a"
    assert page.locator(tag).first.get_attribute("href") in computed(
        page, tag, "content", "::after"
    )
    for plain in (".toc a", "main a.glossary-term"):
        assert computed(page, plain, "content", "::after") in ("none", '""', "normal"), plain

    page.emulate_media(media="screen")
    expect(page.locator(".site-nav")).to_be_visible()
    assert computed(page, tag, "content", "::after") in ("none", "normal")


def test_print_view_opens_every_answer_without_script(page, demo):
    page.goto("/metodika/co-je-socialni-bydleni/")
    answer = page.locator("details:not([open]) .accordion__answer").first
    expect(answer).to_be_hidden()
    page.emulate_media(media="print")
    expect(answer).to_be_visible()


def test_print_stylesheet_is_served_for_print_media(page, demo):
    page.goto("/")
    sheet = page.locator("link[rel=stylesheet][media=print]")
    response = page.request.get(sheet.get_attribute("href"))
    assert response.ok
    assert 'content: " (" attr(href) ")"' in response.text()
    assert "details::details-content" in response.text()
