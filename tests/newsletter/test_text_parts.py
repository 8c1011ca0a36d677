"""Every bulletin e-mail has a plain-text part written for reading as text: not empty, every
link a reader needs spelled out in full, and no markup (no tags, no HTML entities)."""

import re

import pytest
from django.contrib.auth import get_user_model

from newsletter.sending.sends import process_send, start_send
from newsletter.sending.trial_sends import send_test
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db

TAG = re.compile(r"</?[a-zA-Z][^>]*>")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def assert_plain(text):
    assert text.strip(), "empty text part"
    assert not TAG.search(text), TAG.search(text).group(0)
    assert not ENTITY.search(text), ENTITY.search(text).group(0)
    assert "%%" not in text  # no per-recipient marker left unreplaced
    assert "\n\n\n" not in text


@pytest.fixture
def rich_issue(issue):
    issue.title = "Zpravodaj: nájmy & dotace"
    issue.intro = (
        '<p>Úvod čísla s <a href="https://www.mpsv.cz/">odkazem na MPSV</a>.</p>'
        "<ul><li>první bod</li><li><b>druhý</b> bod</li></ul>"
    )
    issue.body.append(("text", '<p>Více v <a href="https://example.cz/metodika">metodice</a>.</p>'))
    issue.save_revision().publish()
    return issue


def test_a_delivered_issue_has_a_readable_text_part(rich_issue, no_auto_workers):
    from django.core import mail

    SubscriberFactory()
    process_send.call(start_send(rich_issue).pk)
    [message] = mail.outbox
    text = message.body
    assert_plain(text)
    assert text.startswith("Zpravodaj: nájmy & dotace\n")
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert f"Odhlásit odběr: {unsubscribe}\n" in text
    assert re.search(r"Změnit nastavení odběru: http://testserver/odber/nastaveni/\S+\n", text)
    assert f"Zobrazit toto číslo v prohlížeči: http://testserver{rich_issue.url}\n" in text
    assert "odkazem na MPSV (https://www.mpsv.cz/)" in text
    assert "- první bod\n- druhý bod\n" in text
    assert "Více v metodice (https://example.cz/metodika)." in text
    for block in rich_issue.body:
        if block.block_type == "teaser":
            article = block.value["page"]
            assert f"{article.title}\n" in text
            assert f"Přečíst článek: http://testserver{article.url}\n" in text
    assert text.rstrip().endswith("http://testserver/")


def test_the_confirmation_has_a_readable_text_part_with_its_link(client, home, email_outbox):
    email_outbox(client.post, "/odber/", signup_data())
    [message] = email_outbox.outbox
    assert_plain(message.body)
    assert re.search(r"^http://testserver/odber/potvrdit/\S+$", message.body, re.MULTILINE)
    assert message.body.startswith("Dobrý den,")


def test_a_test_of_an_issue_has_a_readable_text_part(rich_issue, email_outbox):
    editor = get_user_model().objects.create_user("redaktor", email="redaktor@mpsv.example")
    email_outbox(send_test, rich_issue, editor)
    [message] = email_outbox.outbox
    assert message.subject == "[TEST] Zpravodaj: nájmy & dotace"
    assert_plain(message.body)
    assert f"http://testserver{rich_issue.url}" in message.body
    assert "Odhlásit odběr: #test" in message.body  # a test has no subscriber's link
