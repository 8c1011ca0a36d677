"""One flow per audience entry point, from the home page: filter by topic, follow an item,
with axe-core on every guidance template on the way. Texts are the Czech ones a reader sees."""

import re

import pytest
from playwright.sync_api import expect

from home.demo import guidance, seed
from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser


def open_entry_point(page, audience_name):
    page.goto("/")
    audiences = page.get_by_role("region", name="Pro koho je web určen")
    audiences.get_by_role("link", name=re.compile(rf"^{audience_name}")).click()


def filter_by_topic(page, topic_name):
    page.get_by_role("combobox", name=re.compile("^Téma")).select_option(label=topic_name)
    page.get_by_role("button", name="Zobrazit", exact=True).click()


def card_titles(page):
    return page.get_by_role("main").locator(".cards .card__title")


def assert_no_axe_violations(axe, page):
    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)


def test_municipality_finds_the_strategy_guide_by_topic(page, demo, axe):
    open_entry_point(page, "Obce")
    expect(page).to_have_url(re.compile(r"/jsem-obec/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jsem obec")
    assert_no_axe_violations(axe, page)

    filter_by_topic(page, "Koncepce a plánování")
    expect(page).to_have_url(re.compile(r"/jsem-obec/\?topic=koncepce-a-planovani$"))
    expect(card_titles(page)).to_have_text(["Jak připravit lokální koncepci sociálního bydlení"])
    expect(page.get_by_role("combobox", name=re.compile("^Téma"))).to_have_value(
        "koncepce-a-planovani"
    )
    feed = page.locator("head link[type='application/atom+xml'][href*='feed/atom']")
    expect(feed).to_have_attribute("href", "/jsem-obec/feed/atom/?topic=koncepce-a-planovani")
    assert_no_axe_violations(axe, page)

    card_titles(page).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Jak připravit lokální koncepci sociálního bydlení"
    )


def test_ngo_reaches_the_seed_article_through_faq_question_five(page, demo, axe):
    open_entry_point(page, "Neziskové organizace")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jsem nezisková organizace")
    filter_by_topic(page, "Sociální práce")
    expect(card_titles(page)).to_have_text([seed.TITLE])

    page.get_by_role("link", name=re.compile("^Časté otázky neziskových organizací")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Časté otázky neziskových organizací")
    assert_no_axe_violations(axe, page)
    # The contents list leads to question 5, which opens (faq.js).
    page.get_by_role("navigation", name="Otázky").get_by_role(
        "link", name=guidance.SEED_QUESTION
    ).click()
    expect(page).to_have_url(re.compile(r"#otazka-5$"))
    question = page.locator("#otazka-5")
    expect(question).to_have_attribute("open", "")
    assert_no_axe_violations(axe, page)
    question.get_by_role("link", name=re.compile("^Více se dočtete")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.TITLE)


def test_person_in_need_finds_help_points_in_the_region(page, demo, axe):
    open_entry_point(page, "Lidé v bytové nouzi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Potřebuji pomoc s bydlením")
    filter_by_topic(page, "Prevence ztráty bydlení")
    expect(card_titles(page)).to_have_text(["Jak předejít ztrátě bydlení"])

    page.get_by_role("link", name=re.compile("^Kam se obrátit")).click()
    expect(page.get_by_role("heading", level=2, name="Nemám bydlení")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Mám bydlení, ale…")).to_be_visible()
    assert_no_axe_violations(axe, page)

    page.get_by_role("combobox", name=re.compile("^Váš kraj")).select_option(label="Ústecký kraj")
    page.get_by_role("button", name="Zobrazit kontaktní místa").click()
    points = page.locator(".help-point h3")
    expect(points).to_have_count(2)
    expect(points.first).to_contain_text("Ústí nad Labem")
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Všechna kontaktní místa – Ústecký kraj").click()
    expect(page).to_have_url(re.compile(r"/kontaktni-mista/\?kraj=ustecky$"))
    page.get_by_role("textbox", name=re.compile("^Obec nebo okres")).fill("USTI NAD LABEM")
    page.get_by_role("main").get_by_role("button", name="Zobrazit kontaktní místa").click()
    expect(page.locator(".result-count")).to_contain_text("2 kontaktní místa")
    assert_no_axe_violations(axe, page)


def test_faq_answers_open_without_javascript_and_print_expanded(browser, site_url, demo):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/jsem-neziskova-organizace/caste-otazky/")
        answer = page.locator("#otazka-2 .accordion__answer")
        expect(answer).to_be_hidden()
        page.locator("#otazka-2 summary").click()
        expect(answer).to_be_visible()
        # On paper every answer shows, even where no script could open them.
        page.emulate_media(media="print")
        expect(page.locator("#otazka-4 .accordion__answer")).to_be_visible()
    finally:
        context.close()
