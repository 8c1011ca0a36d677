"""Every change to public content retires every cached page that showed it, at the next
request, on every page type and listing of the demo site."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from home.frame.models import FooterContent
from home.pages.models import ArticlePage
from newsletter.models import BulletinPage, Send
from tests.newsletter.factories import BulletinPageFactory

# Building the demo snapshot (once per run) may fall to the first of these tests.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(600)]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def public_addresses() -> list[str]:
    """Every live page, each routable page's sub-routes that list content, and the feeds."""
    addresses = {"/feeds/articles.rss", "/feeds/news.rss", "/en/feeds/articles.rss"}
    for page in Page.objects.live().specific():
        url = page.get_url()
        if not url:
            continue
        addresses.add(url)
        term_model = getattr(page, "term_model", None)
        if term_model is not None:
            for term in term_model.objects.filter(locale_id=page.locale_id):
                addresses.add(page.term_url(term))
        if page.specific_class.__name__ == "BulletinIndexPage":
            addresses.add(url + "feed/")
    return sorted(addresses)


def fetch_all(client, addresses) -> dict[str, str]:
    pages = {}
    for url in addresses:
        response = client.get(url)
        if response.status_code == 200:
            pages[url] = response.content.decode()
    return pages


def warmed(client, addresses) -> dict[str, str]:
    fetch_all(client, addresses)
    pages = fetch_all(client, addresses)
    assert sum(client.get(url).get("X-Page-Cache") == "hit" for url in pages) > len(pages) / 2
    return pages


def test_a_published_title_shows_at_the_next_request_on_every_page_that_showed_it(
    client, shared_demo_site, db
):
    addresses = public_addresses()
    article = ArticlePage.objects.live().filter(locale__language_code="cs").first()
    old_title = article.title
    before = warmed(client, addresses)
    showing = [url for url, html in before.items() if old_title in html]
    assert len(showing) >= 4, showing  # the article, its listing, the home page, a feed...

    article.title = "Zcela nový název článku"
    article.save_revision().publish()

    after = fetch_all(client, showing)
    stale = [url for url in showing if old_title in after[url]]
    assert not stale
    assert all("Zcela nový název článku" in after[url] for url in showing if "sitemap" not in url)


def test_a_snippet_and_a_document_change_show_at_the_next_request_everywhere(
    client, shared_demo_site, db
):
    addresses = public_addresses()
    warmed(client, addresses)
    footer = FooterContent.objects.filter(locale__language_code="cs").first()
    footer.help_prompt = "Nová výzva v patičce"
    footer.save()
    after = fetch_all(client, [url for url in addresses if not url.startswith("/en/")])
    missing = [url for url, html in after.items() if "Nová výzva v patičce" not in html]
    assert not [url for url in missing if "feed" not in url and "sitemap" not in url]


def test_the_bulletin_archive_and_its_feed_show_an_issue_once_it_is_sent(
    client, shared_demo_site, db
):
    sent_keys = Send.objects.values_list("page__translation_key", flat=True)
    issue = (
        BulletinPage.objects.live()
        .filter(locale__language_code="cs")
        .exclude(translation_key__in=sent_keys)
        .first()
    )
    if issue is None:
        parent = BulletinPage.objects.live().first().get_parent()
        issue = BulletinPageFactory(parent=parent, title="Zpravodaj – zkušební")
    archive = issue.get_parent().get_url()
    pages = [archive, archive + "feed/"]
    warmed(client, pages)
    assert all(issue.title not in html for html in fetch_all(client, pages).values())

    send = Send.objects.create(page=issue, status=Send.Status.SENDING, scheduled_for=timezone.now())
    from newsletter.sending.sends import _finish_or_wait

    _finish_or_wait(send.pk)

    assert all(issue.title in html for html in fetch_all(client, pages).values())
