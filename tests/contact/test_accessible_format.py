"""“Request an accessible format” next to a PDF reaches the contact centre naming the document."""

import time

import pytest
from bs4 import BeautifulSoup

from contact.models import Inquiry, Kind
from portal.abuse import form_started_token
from tests import factories as content

pytestmark = pytest.mark.django_db
FEEDBACK = "/napiste-nam/pripominka/"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def document(db):
    return content.GuidanceDocumentFactory(title="Metodika spolupráce", pages=14)


def test_the_link_opens_the_feedback_form_about_the_document(client, contact_page, document):
    redirect = client.get(f"/pristupny-format/{document.pk}/")
    assert redirect["Location"] == f"{FEEDBACK}?document={document.pk}"
    soup = soup_of(client.get(redirect["Location"]))
    assert "„Metodika spolupráce“ v přístupném formátu" in soup.select_one(".contact__about").text
    assert soup.find("input", attrs={"name": "document"})["value"] == str(document.pk)
    assert "„Metodika spolupráce“" in soup.find("textarea", attrs={"name": "message"}).text
    assert soup.select_one("form.contact-form")["action"] == f"{FEEDBACK}?document={document.pk}"


def test_the_request_arrives_naming_the_document_whatever_was_written(
    client, contact_page, document
):
    data = {
        "message": "Potřebuji verzi pro čtečku.",
        "document": document.pk,
        "email": "jana@example.cz",
        "form_started": form_started_token(time.time() - 60),
    }
    response = client.post(f"{FEEDBACK}?document={document.pk}", data)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.kind == Kind.FEEDBACK
    assert inquiry.message.startswith(
        "Žádost o přístupný formát dokumentu: Metodika spolupráce (http://testserver/documents/"
    )
    assert inquiry.message.endswith("Potřebuji verzi pro čtečku.")
    assert inquiry.page_url == f"http://testserver{document.url}"


def test_an_unknown_document_is_ignored_and_the_comment_still_taken(client, contact_page):
    data = {
        "message": "Chci jiný formát.",
        "document": "999999",
        "form_started": form_started_token(time.time() - 60),
    }
    assert client.post(FEEDBACK, data).status_code == 302
    assert Inquiry.objects.get().message == "Chci jiný formát."


def test_without_a_contact_page_the_link_is_404(client, home, document):
    assert client.get(f"/pristupny-format/{document.pk}/").status_code == 404
