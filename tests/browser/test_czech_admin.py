"""The Czech editor's admin in a real browser: what Wagtail's scripts draw (the sidebar,
StreamField, its block chooser, autosave, the status side panel) is Czech too."""

import pytest
from wagtail.models import Locale

from home.pages.models import ArticlePage
from tests.portal.test_admin_czech import english_in

from .admin import czech_staff, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-redaktorku-123"

# Everything a reader sees or hears: the text, and the names and hints of the controls.
VISIBLE_TEXT = """() => {
    const texts = document.body.innerText.split("\\n");
    for (const element of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
        if (!element.closest("[hidden]")) {
            for (const name of ["title", "aria-label", "placeholder"]) {
                const value = element.getAttribute(name);
                if (value) texts.push(value);
            }
        }
    }
    texts.push(document.title);
    return texts;
}"""


@pytest.fixture
def czech_editor(page, demo):
    groups = ["Editors", "Editoři", "Metodici - kontrola"]
    user = czech_staff("redaktorka-prohlizec", PASSWORD, groups, first_name="Eva")
    return sign_in(page, user.username, PASSWORD)


def english_on(page):
    return english_in(page.evaluate(VISIBLE_TEXT))


def test_the_editors_scripts_speak_czech(czech_editor):
    page = czech_editor
    found = {"dashboard": english_on(page)}

    article = ArticlePage.objects.filter(locale=Locale.get_default()).live().first()
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("[data-streamfield-stream-container]").first.wait_for()
    found["page edit"] = english_on(page)

    # StreamField's block chooser, drawn by script from the JavaScript catalogue.
    page.locator(".c-sf-add-button").first.click()
    page.locator(".w-combobox").first.wait_for()
    found["block chooser"] = english_on(page)
    page.keyboard.press("Escape")

    # The status side panel (locale, privacy, usage), opened from the header.
    page.locator("[data-side-panel-toggle=status]").click()
    found["status panel"] = english_on(page)

    found = {view: sorted(strings) for view, strings in found.items() if strings}
    total = len({s for strings in found.values() for s in strings})
    assert not found, f"{total} English interface strings in the Czech admin: {found}"
