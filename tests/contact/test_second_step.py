"""A message the time-trap suspects gets a second, human step, never a fake "thank you".

Filed as suspected spam, such a message used to be answered "we have received it" while nobody
would ever answer it. Now the person sees the form again, filled in as sent, with one button
("Potvrďte odeslání"); only the honeypot is still filed as spam quietly. Each path is counted.
"""

import time

import pytest
from bs4 import BeautifulSoup

from contact.models import Inquiry, Status
from portal import form_checks
from portal.abuse import form_started_token
from portal.models import OutgoingEmail

from .test_views import FEEDBACK, FORM, QUESTION, question

pytestmark = pytest.mark.django_db


def as_sent_again(response):
    """What a browser posts from the page's contact form (its one button pressed)."""
    form = BeautifulSoup(response.content, "html.parser").select_one("form.contact-form")
    data = {}
    for field in form.select("input"):
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        data[field["name"]] = field.get("value", "")
    for select in form.select("select"):
        chosen = select.select_one("option[selected]") or select.select_one("option")
        data[select["name"]] = chosen["value"]
    for textarea in form.select("textarea"):
        data[textarea["name"]] = textarea.get_text().lstrip("\n")
    return data


def buttons(response):
    form = BeautifulSoup(response.content, "html.parser").select_one("form.contact-form")
    return [button.get_text(strip=True) for button in form.select("button")]


@pytest.mark.parametrize(
    "started",
    {
        "too fast": lambda: form_started_token(time.time() - 1),
        "forged": lambda: "forged",
        "missing": lambda: "",
    }.items(),
    ids=["too fast", "forged", "missing"],
)
def test_a_quick_question_is_asked_to_confirm_then_filed_as_a_real_question(
    client, contact_page, topic, started
):
    asked = client.post(FORM, question(topic, form_started=started[1]()))
    assert asked.status_code == 200
    assert "Formulář byl odeslán velmi rychle" in asked.content.decode()
    assert buttons(asked) == ["Potvrďte odeslání"]  # one button: no "show articles first"
    assert not Inquiry.objects.exists()
    data = as_sent_again(asked)
    assert data["message"] == QUESTION  # what the person wrote is kept
    assert data["email"] == "jana@example.cz"
    assert data["name"] == "Jana Dvořáková"
    assert data["topic"] == str(topic.pk)
    assert data["second_step"]

    time.sleep(1.1)  # a person reads one line and presses the button
    confirmed = client.post(FORM, data)
    assert confirmed.status_code == 302
    assert confirmed["Location"].startswith("/napiste-nam/odeslano/")
    assert confirmed["Location"] != "/napiste-nam/odeslano/"  # with its status link
    inquiry = Inquiry.objects.get()
    assert inquiry.status != Status.SPAM and inquiry.reference
    assert inquiry.spam_reasons == []
    assert inquiry.message == QUESTION
    assert OutgoingEmail.objects.filter(purpose="contact.acknowledgement").exists()
    assert form_checks.counts("contact-question") == {"asked_to_confirm": 1, "confirmed": 1}


def test_a_second_step_sent_at_once_is_asked_again(client, contact_page, topic):
    asked = client.post(FORM, question(topic, form_started=form_started_token()))
    again = client.post(FORM, as_sent_again(asked))
    assert again.status_code == 200 and buttons(again) == ["Potvrďte odeslání"]
    assert not Inquiry.objects.exists()


def test_the_honeypot_is_still_filed_as_spam_and_counted(client, contact_page, topic):
    response = client.post(FORM, question(topic, website="http://levne-pujcky.example"))
    assert response["Location"] == "/napiste-nam/odeslano/"
    assert Inquiry.objects.get().status == Status.SPAM
    assert form_checks.counts("contact-question") == {"honeypot": 1}


def test_a_question_at_a_human_pace_is_counted_as_accepted(client, contact_page, topic):
    assert client.post(FORM, question(topic)).status_code == 302
    assert form_checks.counts("contact-question") == {"accepted": 1}


def test_quick_feedback_is_asked_to_confirm_and_keeps_its_page(client, contact_page, section):
    from tests import factories as content

    article = content.ArticlePageFactory(parent=section)
    data = {"message": "V článku chybí odkaz na zákon.", "page": article.pk, "form_started": ""}
    asked = client.post(f"{FEEDBACK}?page={article.pk}", data)
    assert asked.status_code == 200 and buttons(asked) == ["Potvrďte odeslání"]
    again = as_sent_again(asked)
    assert again["page"] == str(article.pk)
    time.sleep(1.1)
    assert client.post(f"{FEEDBACK}?page={article.pk}", again).status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.page == article.page_ptr and inquiry.status != Status.SPAM
    assert form_checks.counts("contact-feedback") == {"asked_to_confirm": 1, "confirmed": 1}


def test_the_english_second_step(client, english_contact_page, topic):
    asked = client.post("/en/write-to-us/", question(topic, form_started=""))
    assert asked.status_code == 200
    assert "The form was sent very quickly" in asked.content.decode()
    assert buttons(asked) == ["Confirm sending"]


def test_asking_to_confirm_counts_against_the_clients_limit(client, contact_page, topic, settings):
    settings.CONTACT_RATE_LIMITS = {"per_ip": "2/h"}
    quick = question(topic, form_started="")
    assert [client.post(FORM, quick).status_code for _ in range(3)] == [200, 200, 429]
    assert not Inquiry.objects.exists()
