"""Editors' day, items 13 and 14, in a real browser: the phone menu folds behind a button
that works without JavaScript, and no empty box shows where nothing is (the contact form's
article suggestions, a related-article card without an image). axe-core checks each."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import seed

from .test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ARTICLE = f"/metodika/{seed.SLUG}/"


@pytest.fixture(params=[True, False], ids=["with script", "without script"])
def phone(browser, guard, site_url, request):
    """A 390 × 844 phone (an iPhone 12-14), with or without JavaScript."""
    context = browser.new_context(
        base_url=site_url,
        locale="cs-CZ",
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        service_workers="block",
        java_script_enabled=request.param,
    )
    context.set_default_timeout(10_000)
    context.route("**/*", guard.on_route)
    page = context.new_page()
    page._script_enabled = request.param
    page.on("console", guard.on_console)
    page.on("pageerror", guard.on_page_error)
    request.node.page_guard = (page, guard)
    yield page
    context.close()


def _script_runs(page) -> bool:
    # Set by the `phone` fixture; the `page` fixture's context runs script.
    return getattr(page, "_script_enabled", True)


@pytest.mark.django_db
def test_the_menu_is_a_disclosure_named_in_each_language(client, home, section):
    """The markup the browser tests below rely on, straight from the server (no script)."""
    from bs4 import BeautifulSoup
    from django.utils import translation

    section.show_in_menus = True
    section.save_revision().publish()
    html = BeautifulSoup(client.get(section.url).content, "html.parser")
    summary = html.select_one("nav.site-nav > details.site-nav__disclosure > summary")
    assert summary.get_text(strip=True) == "Nabídka"
    assert not summary.find_parent("details").has_attr("open")
    assert html.select("details.site-nav__disclosure li a")
    with translation.override("en"):
        assert translation.gettext("Menu") == "Menu"


def assert_no_axe_violations(axe, page):
    if not _script_runs(page):
        return  # axe is a script; the same page is checked in the run with script
    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)


def test_on_a_phone_the_menu_folds_behind_a_button_and_the_heading_is_on_the_first_screen(
    phone, demo, axe
):
    phone.goto(ARTICLE)
    menu = phone.get_by_role("navigation", name="Hlavní nabídka")
    items = menu.locator("a")
    count = items.count()
    assert count >= 6, "the demo's menu has its items"

    # Before the menu opens: one button, no item, and the heading on the first screen.
    # A <summary>: browsers expose it as a button that is expanded or collapsed.
    button = menu.locator("summary")
    expect(button).to_have_text("Nabídka")
    expect(button).to_be_visible()
    for index in range(count):
        expect(items.nth(index)).to_be_hidden()
    heading = phone.get_by_role("heading", level=1)
    top = heading.bounding_box()["y"]
    assert 0 <= top < PHONE["height"] - 40, f"the heading starts {top} px down a 844 px screen"
    assert_no_axe_violations(axe, phone)

    # Opened, it shows every item, each within the screen's width.
    button.click()
    for index in range(count):
        expect(items.nth(index)).to_be_visible()
        box = items.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert menu.locator("details").get_attribute("open") is not None
    assert_no_axe_violations(axe, phone)

    # And it closes again.
    button.click()
    expect(items.first).to_be_hidden()


def test_the_menu_button_is_named_in_english_on_english_pages(phone, demo):
    phone.goto("/en/")
    menu = phone.get_by_role("navigation", name="Main menu")
    expect(menu.locator("summary")).to_be_visible()
    expect(menu.locator("summary")).to_have_text("Menu")


def test_on_a_desktop_the_menu_shows_as_before_without_a_button(page, demo, axe):
    page.goto(ARTICLE)
    menu = page.get_by_role("navigation", name="Hlavní nabídka")
    expect(menu.locator("summary")).to_be_hidden()
    items = menu.locator("a")
    tops = set()
    for index in range(items.count()):
        expect(items.nth(index)).to_be_visible()
        tops.add(round(items.nth(index).bounding_box()["y"]))
    assert len(tops) == 1, "the items share one line, as before"
    assert_no_axe_violations(axe, page)


def test_the_contact_form_shows_no_empty_suggestions_box(phone, demo, axe):
    phone.goto("/napiste-nam/")
    box = phone.locator("[data-suggestions]")
    expect(box).to_be_attached()
    expect(box).to_be_hidden()  # empty: no box, no border
    expect(box).to_be_empty()
    assert_no_axe_violations(axe, phone)

    # A question that no article answers leaves it hidden (the script's reply is blank).
    message = phone.locator("main textarea[name=message]")
    message.fill("Qwzxy vbnmq plkjh trewq asdfg zxcvb.")
    phone.wait_for_timeout(1500)
    expect(box).to_be_hidden()


def test_suggestions_show_once_there_are_some(page, demo):
    page.goto("/napiste-nam/")
    page.locator("main textarea[name=message]").fill(
        "Jak může nezisková organizace spolupracovat s obcí na sociálním bydlení?"
    )
    box = page.locator("[data-suggestions]")
    expect(box.get_by_role("link").first).to_be_visible()
    expect(box).to_be_visible()


@pytest.fixture
def cards_without_images(demo):
    """An article whose two related articles have no picture to show: one has no image, the
    other's image file is missing (as on a copy of the database without its media)."""
    from wagtail.images import get_image_model

    from home.demo.media import listing_image_file
    from home.pages.models import ArticlePage, RelatedPage, SectionPage
    from tests import factories

    section = SectionPage.objects.get(slug="metodika", locale__language_code="cs")

    image = get_image_model().objects.create(
        title="Ztracený obrázek", file=listing_image_file("ztraceny", (0, 0, 0))
    )
    image.file.storage.delete(image.file.name)
    without = factories.ArticlePageFactory(
        parent=section, title="Článek bez obrázku", slug="bez-obrazku", listing_image=None
    )
    missing = factories.ArticlePageFactory(
        parent=section, title="Článek bez souboru", slug="bez-souboru", listing_image=image
    )
    article = factories.ArticlePageFactory(parent=section, title="Souvislosti", slug="souvislosti")
    article.related_pages = [
        RelatedPage(page=other, sort_order=order) for order, other in enumerate((without, missing))
    ]
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def test_related_cards_without_an_image_show_no_empty_box(phone, cards_without_images, axe):
    phone.goto(cards_without_images.url)
    cards = phone.locator(".related .card")
    expect(cards).to_have_count(2)
    expect(phone.locator(".related .card img")).to_have_count(0)
    for index in range(2):
        card = cards.nth(index)
        title = card.locator(".card__title").bounding_box()
        frame = card.bounding_box()
        # The title opens the card: no blank 16:9 frame above it.
        assert title["y"] - frame["y"] < 40, f"{title['y'] - frame['y']} px above the title"
        expect(card.get_by_role("link", name=re.compile("Článek bez"))).to_be_visible()
    assert_no_axe_violations(axe, phone)


def test_the_seed_articles_related_cards_keep_their_images(page, demo):
    page.goto(ARTICLE)
    images = page.locator(".related .card img")
    expect(images).to_have_count(2)
    for index in range(2):
        image = images.nth(index)
        image.scroll_into_view_if_needed()  # loading="lazy"
        page.wait_for_function(
            "image => image.complete && image.naturalWidth > 0", arg=image.element_handle()
        )
