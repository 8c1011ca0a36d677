"""A form under a secret link, posted by real Chromium: the page sends no Referer
(`Referrer-Policy: no-referrer`), so the browser posts with `Origin: null`, and the change is
saved all the same (the token in the address is the authority, portal.private_pages)."""

import pytest

pytestmark = pytest.mark.browser


def test_a_reader_saves_preferences_from_a_page_that_sends_no_referrer(page, demo):
    from newsletter.tokens import make_manage_token
    from tests.newsletter.factories import SubscriberFactory

    subscriber = SubscriberFactory(language="cs", email="jana.novakova@seznam.cz")
    opened = page.goto(f"/odber/nastaveni/{make_manage_token(subscriber)}/")
    assert opened.status == 200
    assert opened.headers["referrer-policy"] == "no-referrer"
    assert "no-store" in opened.headers["cache-control"]

    main = page.locator("main")  # the footer has a sign-up form of its own
    main.get_by_label("Jazyk Zpravodaje").select_option("en")
    topic = main.locator("fieldset input[type=checkbox]").first
    topic.check()
    with page.expect_request(lambda request: request.method == "POST") as posted:
        main.get_by_role("button", name="Uložit", exact=True).click()
    page.wait_for_load_state()

    # What no-referrer makes of a same-site form post, and what a CSRF check would refuse.
    assert posted.value.all_headers().get("origin") == "null"
    assert "referer" not in posted.value.all_headers()
    assert posted.value.response().status == 200
    assert "Změny byly uloženy." in main.get_by_role("status").inner_text()
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert subscriber.topics.filter(pk=int(topic.get_attribute("value"))).exists()
