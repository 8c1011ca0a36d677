"""The contact centre in a real browser: a person asks, sees suggestions, sends, gets the
reference on screen and by e-mail; a staff member finds the inquiry in the admin, takes it,
replies, and the person gets the reply. axe-core checks the form, its errors and the
confirmation, in Czech and in English."""

import re
import time
from email.header import decode_header, make_header

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from contact.models import Inquiry
from tests import factories
from tests.contact import factories as contact_factories
from tests.contact.conftest import translate_page, translate_snippet

from .admin import sign_in
from .test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-testy-123"
QUESTION = "Jak může nezisková organizace spolupracovat s obcí na sociálním bydlení?"


@pytest.fixture
def contact_site(site_url, committed_db, home, section, footer, smtp_sink):
    """A small bilingual site: an article that answers, the contact page, a topic whose
    queue has one member, and a real SMTP server catching the mail."""
    article = factories.ArticlePageFactory(
        parent=section,
        title="Spolupráce obcí a neziskových organizací",
        summary="Jak si obec a nezisková organizace mohou rozdělit práci.",
    )
    contact_page = contact_factories.ContactPageFactory(parent=home)
    staff = contact_factories.UserFactory(first_name="Eva", last_name="Malá")
    queue = contact_factories.QueueFactory(name="Metodická podpora", members=[staff])
    topic = contact_factories.InquiryTopicFactory(name="Spolupráce s obcí", queue=queue)
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate_page(home, english, title="Social housing", slug="social-housing")
    translate_page(contact_page, english, title="Write to us", slug="write-to-us")
    translate_snippet(topic, english, name="Working with a municipality")
    return {"article": article, "staff": staff, "topic": topic, "mail": smtp_sink}


def subject_of(received):
    return str(make_header(decode_header(received.message["Subject"])))


def text_of(received):
    for part in received.message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset())
    return ""


def wait_like_a_person(opened_at):
    """The form files anything sent within a few seconds of opening it as spam."""
    from django.conf import settings

    time.sleep(max(0.0, settings.FORM_MIN_FILL_SECONDS + 0.5 - (time.monotonic() - opened_at)))


def ask(page, path, topic_label, email="jana@example.cz"):
    opened_at = time.monotonic()
    page.goto(path)
    page.get_by_label(topic_label).check()
    page.locator("main textarea[name=message]").fill(QUESTION)
    page.locator("main input[name=email]").fill(email)
    wait_like_a_person(opened_at)


def test_a_question_travels_from_the_form_to_the_answer(page, contact_site):
    mail = contact_site["mail"]
    article = contact_site["article"]

    # The person asks; while they type, the site suggests an article.
    opened_at = time.monotonic()
    page.goto("/napiste-nam/")
    page.get_by_label("Spolupráce s obcí").check()
    page.get_by_label("Váš dotaz").fill(QUESTION)
    expect(page.locator(".character-count")).to_have_text(
        f"Zbývající počet znaků: {3000 - len(QUESTION)}"
    )
    suggestions = page.locator("[data-suggestions]")
    expect(suggestions.get_by_role("link", name=re.compile(article.title))).to_be_visible()
    page.get_by_role("group", name=re.compile("Kdo se ptá")).get_by_label("obec").check()
    page.get_by_label("Kraj").select_option(label="Pardubický kraj")
    page.locator("main").get_by_label("Váš e-mail").fill("jana@example.cz")
    wait_like_a_person(opened_at)
    page.get_by_role("button", name="Odeslat", exact=True).click()

    # The reference on screen and in the acknowledgement.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaše zpráva byla odeslána")
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"SB-\d{4}-\d{5}", reference)
    [acknowledgement] = mail.to("jana@example.cz")
    assert subject_of(acknowledgement) == f"Přijali jsme váš dotaz {reference}"
    assert reference in text_of(acknowledgement)
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.suggestions.get().page_id == article.pk

    # A staff member signs in, finds it, takes it and replies.
    sign_in(page, contact_site["staff"].username, PASSWORD)
    expect(page.get_by_role("link", name="1 nepřidělené")).to_be_visible()  # the dashboard panel
    page.goto("/admin/contact/inquiries/")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", name=re.compile(reference)).first).to_be_visible()
    page.locator("#id_assign-assignee").select_option(label="Eva Malá")
    page.get_by_role("button", name="Uložit přidělení").click()
    expect(page.get_by_text("Přidělení uloženo.")).to_be_visible()
    page.locator("#id_reply-body").fill("Dobrý den,\nposíláme odkaz na metodiku.\nEva Malá")
    page.get_by_role("button", name="Odeslat odpověď").click()
    expect(page.get_by_text("Odpověď je připravena k odeslání")).to_be_visible()

    # The person gets the reply, with the reference in the subject.
    replies = [r for r in mail.to("jana@example.cz") if r is not acknowledgement]
    assert len(replies) == 1
    assert subject_of(replies[0]) == f"Odpověď na váš dotaz {reference}"
    assert "posíláme odkaz na metodiku" in text_of(replies[0])
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.assignee) == ("answered", contact_site["staff"])


@pytest.mark.parametrize(
    ("path", "topic", "send"),
    [
        ("/napiste-nam/", "Spolupráce s obcí", "Odeslat"),
        ("/en/write-to-us/", "Working with a municipality", "Send"),
    ],
)
def test_form_errors_and_confirmation_work_and_have_no_axe_violations(
    page, contact_site, axe, path, topic, send
):
    found = {}

    def check(state):
        page.wait_for_load_state("load")
        results = run_axe(axe, page)
        assert len(results["passes"]) > 20, state
        if results["violations"]:
            found[state] = results["violations"]

    page.goto(path)
    check("form")
    page.locator("main textarea[name=message]").fill("Můj dotaz")
    page.get_by_role("button", name=send, exact=True).click()
    # GOV.UK's error pattern: "Error:" in the title, the summary takes focus, its links lead
    # to the fields, and what was typed is still there.
    expect(page).to_have_title(re.compile(r"^(Chyba|Error): "))
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    summary.locator("a[href='#id_email']").click()
    expect(page.locator("main input[name=email]")).to_be_focused()
    expect(page.locator("main textarea[name=message]")).to_have_value("Můj dotaz")
    check("errors")
    ask(page, path, topic)
    page.get_by_role("button", name=send, exact=True).click()
    expect(page.locator(".reference")).to_be_visible()
    check("confirmation")

    report = "\n".join(f"{state}\n{describe(violations)}" for state, violations in found.items())
    assert not found, f"axe found violations on {path}:\n{report}"
