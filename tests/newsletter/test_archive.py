"""Sent issues form a public archive that can be searched and followed by RSS."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsletter.models import Send
from tests.newsletter.factories import BulletinPageFactory

pytestmark = pytest.mark.django_db


def mark_sent(page):
    Send.objects.create(page=page, status=Send.Status.DONE, scheduled_for=timezone.now())


def test_archive_lists_sent_issues_only(client, issue, bulletin_index):
    unsent = BulletinPageFactory(parent=bulletin_index, title="Neodeslané")
    unsent.save_revision().publish()
    mark_sent(issue)
    soup = BeautifulSoup(client.get(bulletin_index.url).content, "html.parser")
    assert [a.get_text() for a in soup.select(".issue-list a")] == [issue.title]
    assert soup.select_one("form.signup-form")  # the page of its own for signing up


def test_archive_search_ignores_diacritics(client, issue, bulletin_index):
    other = BulletinPageFactory(parent=bulletin_index, intro="<p>Krizové bydlení v Ostravě.</p>")
    other.save_revision().publish()
    mark_sent(issue)
    mark_sent(other)
    soup = BeautifulSoup(client.get(bulletin_index.url, {"q": "ostrave"}).content, "html.parser")
    assert [a.get_text() for a in soup.select(".issue-list a")] == [other.title]


def test_archive_feed(client, issue, bulletin_index):
    mark_sent(issue)
    channel = ET.fromstring(client.get(bulletin_index.url + "feed/").content).find("channel")
    assert [item.findtext("title") for item in channel.findall("item")] == [issue.title]


def test_issue_page_shows_its_teasers(client, issue):
    html = client.get(issue.url).content.decode()
    for block in issue.body:
        assert block.value["page"].title in html
