"""A reader's way through the demo site in a real browser: by menu, by search, by topic, by
audience and by keyboard. Texts are the Czech ones a reader sees."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import content, seed

pytestmark = pytest.mark.browser

ARTICLE_PATH = f"/metodika/{seed.SLUG}/"
# Newest first, as the demo dates them.
ARTICLES_BY_DATE = [seed.TITLE] + [
    spec["title"] for spec in sorted(content.ARTICLES, key=lambda s: s["published"], reverse=True)
]
TOPIC_NAMES = [name for _slug, name, _description in content.TOPICS]
AUDIENCE_NAMES = [name for _slug, name, _description in content.AUDIENCES]


def titles_under(page, heading):
    """The titles of the cards listed under an H2 of the main content, in order."""
    return page.get_by_role("main").locator(f"h2:text-is('{heading}') + .cards .card__title")


def test_home_page_shows_what_the_portal_offers(page, demo):
    response = page.goto("/")
    assert response.status == 200
    expect(page).to_have_title(content.HOME["title"])
    expect(page.get_by_role("heading", level=1)).to_have_text(content.HOME["title"])

    methodology = page.get_by_role("region", name="Metodika a rady")
    expect(methodology.get_by_role("link")).to_have_count(1)
    expect(methodology.get_by_role("link")).to_contain_text(content.SECTIONS[0]["title"])
    expect(methodology.get_by_role("link")).to_have_attribute("href", "/metodika/")

    audiences = page.get_by_role("region", name="Pro koho je web určen")
    expect(audiences.locator(".tile strong")).to_have_text(AUDIENCE_NAMES)

    newest = page.get_by_role("region", name="Nejnovější články")
    expect(newest.get_by_role("heading", level=3)).to_have_text(ARTICLES_BY_DATE)
    expect(newest.get_by_role("link", name=seed.TITLE)).to_have_attribute("href", ARTICLE_PATH)

    topics = page.get_by_role("region", name="Témata")
    expect(topics.locator(".topic-list").get_by_role("link")).to_have_text(TOPIC_NAMES)

    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("heading", name=seed.NEWSLETTER_HEADING, level=2)).to_be_visible()
    contact = footer.get_by_role("region", name="Kontakt")
    expect(contact).to_contain_text(seed.CONTACT_CENTRE_NAME)
    expect(contact).to_contain_text("Osobní konzultace nyní nejsou možné.")
    phone = contact.get_by_role("link", name=content.CONTACT_CENTRE["phone"])
    expect(phone).to_have_attribute("href", "tel:+420800000000")
    email = contact.get_by_role("link", name=content.CONTACT_CENTRE["email"])
    expect(email).to_have_attribute("href", f"mailto:{content.CONTACT_CENTRE['email']}")
    help_box = footer.get_by_role("region", name=seed.HELP_PROMPT)
    expect(help_box).to_contain_text(seed.FEEDBACK_PROMPT)

    # "Napište nám" leads to the contact centre's form.
    help_box.get_by_role("link", name=seed.WRITE_TO_US, exact=True).click()
    expect(page).to_have_url(re.compile(r"/napiste-nam/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Napište nám")


def test_reader_reaches_the_article_by_menu_and_again_by_search(page, demo):
    page.goto("/")
    menu = page.get_by_role("navigation", name="Hlavní nabídka")
    menu.get_by_role("link", name="Metodika", exact=True).click()
    expect(page).to_have_url(re.compile(r"/metodika/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Metodika")
    expect(menu.get_by_role("link", name="Metodika", exact=True)).to_have_attribute(
        "aria-current", "page"
    )

    page.get_by_role("main").get_by_role("link", name=seed.TITLE).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(ARTICLE_PATH)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.TITLE)
    expect(page).to_have_title(f"{seed.TITLE} | Sociální bydlení")
    breadcrumbs = page.get_by_role("navigation", name="Drobečková navigace")
    expect(breadcrumbs.get_by_role("link")).to_have_text(["Sociální bydlení", "Metodika"])

    # The three editorial H2 headings, each with an entry in the table of contents.
    body_headings = page.locator(".body").get_by_role("heading", level=2)
    expect(body_headings).to_have_text(seed.HEADINGS)
    toc_links = page.get_by_role("navigation", name="Obsah").get_by_role("link")
    expect(toc_links).to_have_text(seed.HEADINGS)
    for index, link in enumerate(toc_links.all()):
        href = link.get_attribute("href")
        assert href.startswith("#"), href
        expect(body_headings.nth(index)).to_have_id(href[1:])
    last = seed.HEADINGS[-1]
    expect(body_headings.get_by_text(last, exact=True)).not_to_be_in_viewport()
    toc_links.get_by_text(last, exact=True).click()
    expect(body_headings.get_by_text(last, exact=True)).to_be_in_viewport()
    assert page.evaluate("location.hash") == toc_links.last.get_attribute("href")

    # Back to the article by search, typed without diacritics as many readers do.
    search_box = page.get_by_role("banner").get_by_role("searchbox", name="Hledat na webu")
    search_box.fill("spoluprace")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/hledat/\?q=spoluprace$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hledat")
    expect(page.get_by_role("status")).to_contain_text("spoluprace")
    result_titles = page.locator(".search-results .search-result__title")
    expect(result_titles.first).to_be_visible()
    titles = result_titles.all_inner_texts()
    assert seed.TITLE in titles
    # An article that never mentions the word must not come back.
    assert "Jak předejít ztrátě bydlení" not in titles
    expect(page.get_by_role("status")).to_contain_text(re.compile(rf"^{len(titles)} výsled"))
    result_titles.get_by_role("link", name=seed.TITLE).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(ARTICLE_PATH)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.TITLE)


def test_reader_browses_by_topic_from_the_article(page, demo):
    page.goto(ARTICLE_PATH)
    tags = page.locator(".taxonomy-tags")
    expect(tags.get_by_role("link")).to_have_count(4)
    # In any order: the demo gives the links no sort_order, so the database decides.
    assert sorted(tags.get_by_role("link").all_inner_texts()) == [
        "Neziskové organizace",
        "Obce",
        "Sociální práce",
        "Spolupráce obcí a NNO",
    ]
    tags.get_by_role("link", name="Spolupráce obcí a NNO").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Spolupráce obcí a NNO")
    expect(page).to_have_title("Spolupráce obcí a NNO | Sociální bydlení")
    # Exactly the two articles under this topic, newest first; news has its own list.
    expect(titles_under(page, "Články")).to_have_text(
        [seed.TITLE, "Jak připravit lokální koncepci sociálního bydlení"]
    )
    expect(titles_under(page, "Aktuality")).to_have_text(
        ["Vychází nový Zpravodaj sociálního bydlení"]
    )
    page.get_by_role("main").get_by_role("link", name=seed.TITLE).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(ARTICLE_PATH)}$"))


def test_reader_browses_by_audience_from_the_home_page(page, demo):
    page.goto("/")
    audiences = page.get_by_role("region", name="Pro koho je web určen")
    audiences.get_by_role("link", name=re.compile(r"^Neziskové organizace")).click()

    # The tile leads to the audience's entry point, which gathers what the audience needs.
    expect(page.get_by_role("heading", level=1)).to_have_text("Jsem nezisková organizace")
    expect(page).to_have_url(re.compile(r"/jsem-neziskova-organizace/$"))
    # The articles for NGOs, newest first; those only for municipalities or only for people
    # in need (the concept guide, the eviction guide) are not among them.
    expect(titles_under(page, "Články")).to_have_text(
        [seed.TITLE, "Co je sociální bydlení a komu je určeno"]
    )
    page.get_by_role("main").get_by_role("link", name=seed.TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.TITLE)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, demo):
    for path in ["/", ARTICLE_PATH]:
        page.goto(path)
        page.keyboard.press("Tab")
        skip_link = page.get_by_role("link", name="Přeskočit na hlavní obsah")
        expect(skip_link).to_be_focused()
        # Hidden until focused, then on screen.
        box = skip_link.bounding_box()
        assert box is not None and box["y"] >= 0 and box["height"] > 0, (path, box)
        expect(skip_link).to_be_in_viewport()

        page.keyboard.press("Enter")
        expect(page.get_by_role("main")).to_be_focused()
        assert page.evaluate("location.hash") == "#main"
        # The next Tab continues inside the main content, past the header and the menu.
        page.keyboard.press("Tab")
        assert page.evaluate(
            "(() => { const main = document.querySelector('main');"
            " return document.activeElement !== main && main.contains(document.activeElement); })()"
        ), (path, page.evaluate("document.activeElement.outerHTML"))
