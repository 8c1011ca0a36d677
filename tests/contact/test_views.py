"""The public form: asks, explains, keeps what people typed, files what bots send as spam,
and answers with a reference, a due date and a secret status link."""

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from contact.models import ArticleSuggestion, Inquiry, Kind, Status
from portal.abuse import form_started_token
from portal.models import OutgoingEmail
from tests import factories as content

from .conftest import translate_snippet
from .factories import InquiryFactory

pytestmark = pytest.mark.django_db

FORM = "/napiste-nam/"
FEEDBACK = "/napiste-nam/pripominka/"
QUESTION = "Jak má obec postupovat, když chce zřídit sociální byt?"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def question(chosen_topic, **overrides):
    """What a person sends who took their time over the form."""
    data = {
        "topic": chosen_topic.pk,
        "message": QUESTION,
        "requester_type": "municipality",
        "region": "pardubicky",
        "name": "Jana Dvořáková",
        "email": "jana@example.cz",
        "website": "",
        "form_started": form_started_token(time.time() - 60),
        "visit": "c" * 32,
    }
    return {**data, **overrides}


def test_the_form_asks_in_czech_and_links_the_privacy_notice(client, contact_page, topic, home):
    privacy = content.StandardPageFactory(parent=home, title="Ochrana osobních údajů")
    contact_page.privacy_page = privacy
    contact_page.save_revision().publish()
    response = client.get(FORM)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    soup = soup_of(response)
    assert soup.h1.get_text() == "Napište nám"
    assert soup.find("legend").get_text(strip=True) == "Čeho se váš dotaz týká?"
    assert [label.get_text() for label in soup.select(".radios__label")][0] == topic.name
    assert soup.find("label", attrs={"for": "id_message"}).get_text() == "Váš dotaz"
    assert soup.select_one("#id_message_helptext").get_text() == "Můžete napsat nejvýše 3000 znaků."
    assert soup.select_one(".contact-form__privacy a")["href"] == privacy.url
    assert soup.find("form", class_="contact-form").has_attr("novalidate")
    # The honeypot and the signed start time travel with the form.
    assert soup.find("input", attrs={"name": "website"})
    assert soup.find("input", attrs={"name": "form_started"})["value"]


def test_a_question_is_filed_and_the_confirmation_gives_the_reference_and_due_date(
    client, contact_page, topic, footer
):
    response = client.post(FORM, question(topic))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.kind == Kind.QUESTION and inquiry.status == Status.NEW
    assert (inquiry.topic, inquiry.queue, inquiry.language) == (topic, topic.queue, "cs")
    assert (inquiry.region, inquiry.requester_type) == ("pardubicky", "municipality")
    assert inquiry.client_hash and "127.0.0.1" not in inquiry.client_hash
    confirmation = client.get(response["Location"])
    assert confirmation["Referrer-Policy"] == "no-referrer"
    soup = soup_of(confirmation)
    assert soup.select_one(".reference").get_text() == inquiry.reference
    text = soup.get_text(" ", strip=True)
    assert "Co bude dál" in text
    assert inquiry.due_date.strftime("%Y") in text
    assert footer.contact_centre.phone in text  # other ways to reach us
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"message": "  "}, "message", "Napište svůj dotaz."),
        (
            {"email": "jana@"},
            "email",
            "Neplatný e-mail. Za zavináčem (@) chybí část adresy, například seznam.cz.",
        ),
        ({"email": ""}, "email", "Zadejte svůj e-mail, abychom vám mohli poslat odpověď."),
        ({"topic": ""}, "topic_0", "Vyberte, čeho se váš dotaz týká."),
        ({"message": "x" * 3001}, "message", "Zpráva může mít nejvýše 3000 znaků (má 3001)."),
    ],
)
def test_a_mistake_is_explained_and_nothing_typed_is_lost(
    client, contact_page, topic, change, field, message
):
    data = question(topic, **change)
    response = client.post(FORM, data)
    assert response.status_code == 200
    assert not Inquiry.objects.exists()
    soup = soup_of(response)
    assert soup.title.get_text().startswith("Chyba: ")
    summary = soup.select_one("[data-error-summary]")
    assert summary.h2.get_text() == "Ve formuláři je chyba"
    link = summary.find("a", string=message)
    assert link["href"] == f"#id_{field}"
    assert soup.find(id=f"id_{field}")  # the link lands on the field
    # What the person typed is all still there.
    assert soup.find("textarea", attrs={"name": "message"}).get_text().strip() == (
        data["message"].strip()
    )
    for name in ("email", "name"):
        assert soup.find("input", attrs={"name": name}).get("value", "") == data[name]
    assert (
        soup.find("select", attrs={"name": "region"}).find("option", selected=True)["value"]
        == "pardubicky"
    )
    checked = soup.select("input[type=radio][checked]")
    assert "municipality" in [radio["value"] for radio in checked]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("victim@localhost", "není platná doména"),
        ("victim@[127.0.0.1]", "není platná doména"),
        ("victim@mailinator.com", "Jednorázové adresy"),
        ("a" * 65 + "@example.cz", "nejvýše 64 znaků"),
    ],
)
def test_the_form_refuses_what_the_sign_up_refuses_and_sends_nothing(
    client, contact_page, topic, mailoutbox, address, message
):
    """One validation for every address the site writes to: the contact form cannot be used
    to mail an acknowledgement to a local mailbox, a domain literal or a throwaway domain."""
    response = client.post(FORM, question(topic, email=address))
    assert response.status_code == 200
    error = soup_of(response).find(id="id_email_error").get_text()
    assert error.startswith("Chyba: Neplatný e-mail.")
    assert message in error
    assert not Inquiry.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert mailoutbox == []


def test_the_address_is_stored_as_the_sign_up_normalises_it(client, contact_page, topic):
    client.post(FORM, question(topic, email="Jana.Dvorakova@SEZNAM.CZ"))
    assert Inquiry.objects.get().email == "Jana.Dvorakova@seznam.cz"


def test_an_error_message_is_tied_to_its_field(client, contact_page, topic):
    soup = soup_of(client.post(FORM, question(topic, email="nope")))
    described = soup.find("input", attrs={"name": "email"})["aria-describedby"].split()
    assert described == ["id_email_helptext", "id_email_error"]
    assert soup.find(id="id_email_error")


def test_in_english_everything_is_english_and_topics_fall_back_to_czech(
    client, english_contact_page, topic, queue, english
):
    translate_snippet(topic, english, name="Social housing in a municipality")
    from .factories import InquiryTopicFactory

    czech_only = InquiryTopicFactory(name="Jen česky", queue=queue)
    soup = soup_of(client.get("/en/write-to-us/"))
    assert soup.find("legend").get_text(strip=True) == "What is your question about?"
    labels = [label.get_text() for label in soup.select(".radios__label")]
    assert labels[:1] == ["Social housing in a municipality"]
    assert czech_only.name in labels
    assert "Sociální bydlení v obci" not in labels
    response = client.post("/en/write-to-us/", question(topic, email="bad"))
    soup = soup_of(response)
    assert soup.title.get_text().startswith("Error: ")
    assert soup.find("a", string="Invalid e-mail. The address must contain the at sign (@).")


def test_english_questions_are_filed_in_english(client, english_contact_page, topic):
    response = client.post("/en/write-to-us/", question(topic))
    assert response["Location"].startswith("/en/write-to-us/sent/")
    assert Inquiry.objects.get().language == "en"
    acknowledgement = OutgoingEmail.objects.get(purpose="contact.acknowledgement")
    assert acknowledgement.subject.startswith("We have received your question SB-")


# A form sent too fast, or without a valid time-trap, is no longer filed as spam: it gets a
# second step to confirm (tests/contact/test_second_step.py). Only the honeypot is quiet.
TRAPS = {
    "honeypot": lambda: {"website": "http://levne-pujcky.example"},
    "honeypot, too fast": lambda: {
        "website": "http://levne-pujcky.example",
        "form_started": form_started_token(time.time() - 1),
    },
}


@pytest.mark.parametrize("trap", TRAPS)
def test_what_looks_automated_is_kept_as_spam_and_nobody_is_told(client, contact_page, topic, trap):
    response = client.post(FORM, question(topic, **TRAPS[trap]()))
    assert response.status_code == 302
    assert response["Location"] == "/napiste-nam/odeslano/"
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Status.SPAM and inquiry.reference is None
    assert inquiry.message == QUESTION  # never silently dropped
    assert not OutgoingEmail.objects.exists()  # never acknowledged
    thanks = soup_of(client.get(response["Location"]))
    assert thanks.h1.get_text() == "Děkujeme za vaši zprávu"
    assert not thanks.select(".reference")


@pytest.mark.parametrize(("language", "path"), [("cs", FORM), ("en", "/en/write-to-us/")])
def test_too_many_questions_from_one_address_on_the_internet_get_a_translated_429(
    client, english_contact_page, topic, settings, language, path
):
    settings.CONTACT_RATE_LIMITS = {"per_ip": "2/h"}
    for n in range(2):
        assert client.post(path, question(topic, email=f"clovek{n}@example.cz")).status_code == 302
    response = client.post(path, question(topic, email="dalsi@example.cz"))
    assert response.status_code == 429
    assert response["Retry-After"]
    heading = soup_of(response).h1.get_text()
    assert heading == {"cs": "Příliš mnoho požadavků", "en": "Too many requests"}[language]
    assert Inquiry.objects.count() == 2


def test_too_many_questions_from_one_e_mail_address_get_429_whatever_the_ip(
    client, contact_page, topic, settings
):
    settings.CONTACT_RATE_LIMITS = {"per_address": "2/h"}
    for n in range(2):
        response = client.post(FORM, question(topic), REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 302
    response = client.post(FORM, question(topic, email="JANA@example.cz"), REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    other = client.post(FORM, question(topic, email="petr@example.cz"), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_mistakes_do_not_count_against_the_rate_limit(client, contact_page, topic, settings):
    settings.CONTACT_RATE_LIMITS = {"per_ip": "2/h"}
    for _ in range(5):
        assert client.post(FORM, question(topic, email="")).status_code == 200
    assert client.post(FORM, question(topic)).status_code == 302


def test_the_status_page_opens_by_secret_token_only(client, contact_page, topic):
    location = client.post(FORM, question(topic))["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    inquiry = Inquiry.objects.get()
    status = client.get(f"/napiste-nam/stav/{token}/")
    assert status.status_code == 200
    assert status["Referrer-Policy"] == "no-referrer"
    soup = soup_of(status)
    assert soup.h1.get_text() == f"Dotaz {inquiry.reference}"
    assert "přijato" in soup.select_one(".status-tag").get_text()
    # The reference, a guess or a tampered token open nothing.
    tampered = token[:-1] + ("y" if token.endswith("x") else "x")
    for guess in (inquiry.reference, tampered, "x" * 500):
        assert client.get(f"/napiste-nam/stav/{guess}/").status_code == 404
        assert client.get(f"/napiste-nam/odeslano/{guess}/").status_code == 404


def test_an_old_confirmation_address_leads_to_the_status_page(client, contact_page, topic):
    location = client.post(FORM, question(topic))["Location"]
    Inquiry.objects.update(received_at=timezone.now() - timedelta(days=3))
    response = client.get(location)
    assert response.status_code == 302
    assert "/napiste-nam/stav/" in response["Location"]


def test_every_content_page_invites_comments_and_the_form_knows_which_page(
    client, contact_page, section
):
    article = content.ArticlePageFactory(parent=section, title="Spolupráce s obcí")
    soup = soup_of(client.get(article.url))
    link = soup.select_one(".page-feedback a")
    assert link.get_text() == "Máte připomínky k této stránce?"
    assert link["href"] == f"/pripominka-ke-strance/{article.pk}/"
    redirect = client.get(link["href"])
    assert redirect["Location"] == f"{FEEDBACK}?page={article.pk}"
    form = soup_of(client.get(redirect["Location"]))
    assert form.h1.get_text() == "Připomínky k webu"
    assert "„Spolupráce s obcí“" in form.select_one(".contact__about").get_text()
    assert form.find("input", attrs={"name": "page"})["value"] == str(article.pk)


def test_feedback_needs_no_address_and_records_the_page(client, contact_page, section):
    article = content.ArticlePageFactory(parent=section)
    data = {
        "message": "V článku chybí odkaz na zákon.",
        "page": article.pk,
        "form_started": form_started_token(time.time() - 60),
    }
    response = client.post(f"{FEEDBACK}?page={article.pk}", data)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert (inquiry.kind, inquiry.page, inquiry.email) == (Kind.FEEDBACK, article.page_ptr, "")
    assert inquiry.page_url.endswith(article.url)
    assert inquiry.topic is None and inquiry.queue.is_fallback
    assert not OutgoingEmail.objects.filter(purpose="contact.acknowledgement").exists()


def test_feedback_about_a_missing_page_is_still_taken(client, contact_page):
    data = {
        "message": "Chyba",
        "page": "999999",
        "form_started": form_started_token(time.time() - 60),
    }
    assert client.post(FEEDBACK, data).status_code == 302
    assert Inquiry.objects.get().page is None


@pytest.fixture
def answering_article(section):
    return content.ArticlePageFactory(
        parent=section,
        title="Zřízení sociálního bytu v obci",
        summary="Jak postupovat při zřízení sociálního bytu.",
    )


def test_without_javascript_the_second_button_shows_suggestions_and_keeps_everything(
    client, contact_page, topic, answering_article
):
    data = question(topic, intent="suggest")
    response = client.post(FORM, data)
    assert response.status_code == 200
    assert not Inquiry.objects.exists()
    soup = soup_of(response)
    assert not soup.select("[data-error-summary]")
    assert not soup.title.get_text().startswith("Chyba")
    links = soup.select(".suggestions__list a")
    assert [a.contents[0] for a in links] == [answering_article.title]
    assert soup.find("textarea", attrs={"name": "message"}).get_text().strip() == QUESTION
    assert soup.find("input", attrs={"name": "email"})["value"] == "jana@example.cz"
    assert soup.find("input", attrs={"name": "visit"})["value"] == "c" * 32
    assert ArticleSuggestion.objects.get().page_id == answering_article.pk


def test_the_script_gets_the_suggestion_list_and_following_one_is_recorded(
    client, contact_page, answering_article
):
    visit = "d" * 32
    fragment = client.post("/napiste-nam/navrhy/", {"message": QUESTION, "visit": visit})
    assert fragment.status_code == 200
    soup = soup_of(fragment)
    assert soup.h2.get_text() == "Tyto články už možná na váš dotaz odpovídají"
    href = soup.select_one(".suggestions__list a")["href"]
    follow = client.get(href)
    assert follow.status_code == 302
    assert follow["Location"] == answering_article.url
    suggestion = ArticleSuggestion.objects.get(visit=visit)
    assert suggestion.followed_at is not None
    assert client.get("/napiste-nam/navrhy/").status_code == 405
    assert client.get("/napiste-nam/clanek/padelek/").status_code == 404


def test_short_or_unrelated_text_suggests_nothing(client, contact_page, answering_article):
    for text in ("Dobrý den", "Xylofon trumpeta harmonika kytara"):
        response = client.post("/napiste-nam/navrhy/", {"message": text, "visit": "e" * 32})
        assert not soup_of(response).select("li")
    assert not ArticleSuggestion.objects.exists()


def test_status_of_a_waiting_inquiry_says_the_clock_stopped(client, contact_page):
    from contact.workflow import services

    inquiry = InquiryFactory(status=Status.WAITING, language="cs")
    inquiry.status_token_hash = services.token_hash("tajne")
    inquiry.save()
    text = soup_of(client.get("/napiste-nam/stav/tajne/")).get_text(" ", strip=True)
    assert "čekáme na informace od vás" in text
    assert "Lhůta stojí" in text
