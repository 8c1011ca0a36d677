"""Anonymous pages come from the shared cache, and every public change retires them."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def article(section, footer):
    return factories.ArticlePageFactory(parent=section, title="Původní název")


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.get("X-Page-Cache")


def warm(client, *urls):
    for url in urls:
        client.get(url)


def publish(page, **changes):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_second_anonymous_request_is_a_hit_without_queries(client, article):
    first, state = get(client, article.url)
    assert state == "miss"
    with CaptureQueriesContext(connection) as queries:
        second, state = get(client, article.url)
    assert state == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage=600" in second["Cache-Control"]


def test_cached_page_carries_no_csrf_token_and_sets_no_cookie(client, article):
    response, _state = get(client, article.url)
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken" value="" data-csrf-token' in html
    assert not re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', html)
    assert not response.cookies
    _again, state = get(client, article.url)
    assert state == "hit"


def test_conditional_request_gets_not_modified(client, article):
    response, _state = get(client, article.url)
    again = client.get(article.url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_hit_answers_with_the_misss_own_headers(client, article):
    miss, _state = get(client, article.url)
    hit, state = get(client, article.url)
    assert state == "hit"
    per_answer = {"X-Page-Cache", "X-Request-ID"}
    assert {k: v for k, v in hit.items() if k not in per_answer} == {
        k: v for k, v in miss.items() if k not in per_answer
    }
    assert miss["ETag"] and miss["Last-Modified"]


def test_a_browser_holding_the_same_version_gets_not_modified_on_a_miss_too(client, article):
    etag = client.get(article.url)["ETag"]
    factories.TopicFactory(name="Změna jinde")  # retires every copy; this page's HTML is unchanged
    again, state = get(client, article.url, **{"If-None-Match": etag})
    assert (again.status_code, state) == (304, "miss")
    assert again.content == b"" and "Content-Type" not in again


def test_logged_in_editor_never_gets_the_anonymous_copy(client, article):
    warm(client, article.url)
    editor = get_user_model().objects.create_superuser("editor", "e@example.cz", "x" * 12)
    client.force_login(editor)
    response, state = get(client, article.url)
    assert state is None
    assert response.status_code == 200


def test_published_change_retires_the_page_its_listings_home_feeds_and_sitemap(
    client, article, section, home
):
    addresses = [article.url, section.url, "/", "/feeds/articles.rss", "/sitemap.xml"]
    warm(client, *addresses, *addresses)
    assert get(client, article.url)[1] == "hit"

    publish(article, title="Nový název")

    for url in addresses:
        response, state = get(client, url)
        assert state == "miss", url
        if url != "/sitemap.xml":  # the sitemap lists addresses, not titles
            assert "Nový název" in response.content.decode(), url


def test_a_draft_saved_retires_nothing(client, article):
    warm(client, article.url, article.url)
    page = article.specific_class.objects.get(pk=article.pk)
    page.title = "Rozpracovaný název"
    page.save_revision()
    response, state = get(client, article.url)
    assert state == "hit"
    assert "Rozpracovaný název" not in response.content.decode()


def test_unpublished_page_disappears_from_the_page_and_its_listing(client, article, section):
    warm(client, article.url, section.url)
    page = article.specific.__class__.objects.get(pk=article.pk)
    page.unpublish()
    assert client.get(article.url).status_code == 404
    listing, state = get(client, section.url)
    assert state == "miss"
    assert "Původní název" not in listing.content.decode()


def test_moved_page_retires_every_cached_page(client, article, section, home):
    other_section = factories.SectionPageFactory(parent=home, title="Druhá sekce")
    old_url = article.url
    warm(client, old_url, other_section.url, old_url, other_section.url)
    article.move(other_section, pos="last-child")
    assert client.get(old_url).status_code == 301  # Wagtail's automatic redirect
    response, state = get(client, other_section.url)
    assert state == "miss"
    assert "Původní název" in response.content.decode()


def test_deleted_page_is_gone_at_once(client, article, section):
    warm(client, article.url, section.url)
    article.delete()
    assert client.get(article.url).status_code == 404
    assert "Původní název" not in client.get(section.url).content.decode()


def test_snippet_change_retires_every_page(client, article, footer):
    warm(client, article.url, article.url)
    footer.help_prompt = "Potřebujete poradit?"
    footer.save()
    response, state = get(client, article.url)
    assert state == "miss"
    assert "Potřebujete poradit?" in response.content.decode()


def test_not_found_and_queries_are_not_cached(client, article):
    assert get(client, "/neexistuje/")[1] is None
    assert client.get("/neexistuje/").status_code == 404
    warm(client, "/hledat/?q=byty")
    assert get(client, "/hledat/?q=byty")[1] is None


def test_reader_with_a_session_is_served_fresh(client, article):
    warm(client, article.url)
    client.cookies["sessionid"] = "anything"
    assert get(client, article.url)[1] is None


def test_token_endpoint_is_never_cached_and_sets_the_cookie(client):
    response = client.get("/csrf-token/")
    assert response.status_code == 200
    assert response.json()["token"]
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_plain_http_is_still_redirected_when_https_is_required(client, article, settings):
    settings.SECURE_SSL_REDIRECT = True
    warm(client, article.url)
    assert client.get(article.url, secure=True)["X-Page-Cache"] in ("hit", "miss")
    assert client.get(article.url, secure=True)["X-Page-Cache"] == "hit"
    assert client.get(article.url).status_code == 301


def test_a_hit_carries_the_security_headers_of_the_render(client, article):
    first = client.get(article.url)
    hit = client.get(article.url)
    assert hit["X-Page-Cache"] == "hit"
    for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy"):
        assert hit[name] == first[name]


def test_first_publication_of_a_draft_retires_its_listing(client, article, section):
    draft = factories.ArticlePageFactory(parent=section, title="Čerstvý článek", live=False)
    warm(client, section.url, article.url, section.url, article.url)
    assert get(client, section.url)[1] == "hit"

    publish(draft)

    listing, state = get(client, section.url)
    assert state == "miss"
    assert "Čerstvý článek" in listing.content.decode()


def test_document_changes_retire_the_library_and_entry_points(client, home, footer):
    library = factories.DocumentLibraryPageFactory(parent=home)
    audience = factories.AudienceFactory(name="Obce", slug="obce")
    document = factories.GuidanceDocumentFactory(title="Metodika pro obce", in_library=True)
    warm(client, library.url, library.url)
    assert get(client, library.url)[1] == "hit"

    document.title = "Metodika pro obce, druhé vydání"
    document.save()
    response, state = get(client, library.url)
    assert state == "miss"
    assert "druhé vydání" in response.content.decode()

    warm(client, library.url)
    assert get(client, library.url)[1] == "hit"
    document.audiences.add(audience)  # saved after the document, in the admin's form too
    assert get(client, library.url)[1] == "miss"


def stored_pages():
    from django.core.cache import cache

    return sum(1 for key in cache._cache if ":page:" in key)


def test_only_a_listing_page_number_that_exists_is_cached_under_its_query(client, section, footer):
    from home.pages.models import LISTING_PAGE_SIZE

    for number in range(LISTING_PAGE_SIZE + 1):  # two pages of articles
        factories.ArticlePageFactory(parent=section, title=f"Článek {number}")
    warm(client, section.url + "?page=2")
    assert get(client, section.url + "?page=2")[1] == "hit"
    before = stored_pages()
    # An attacker's random, malformed, out-of-range or non-canonical page numbers, on the
    # listing and on a page without pagination: each is answered, none is stored.
    for value in ["999", "3", "0", "-1", "abc", "02", "1", "2.0", "%20"]:
        for url in (section.url, "/"):
            response = client.get(f"{url}?page={value}")
            assert response.status_code == 200
            assert response.get("X-Page-Cache") != "hit"
    assert stored_pages() == before


def test_a_page_cached_over_plain_http_is_not_replayed_over_https(client, article):
    warm(client, article.url)
    assert get(client, article.url)[1] == "hit"
    assert client.get(article.url, secure=True)["X-Page-Cache"] == "miss"
    assert client.get(article.url, secure=True)["X-Page-Cache"] == "hit"


def test_a_refused_host_is_answered_with_the_security_headers(client, article):
    response = client.get(article.url, HTTP_HOST="attacker.example")
    assert response.status_code == 400
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert name in response, name


def test_rows_no_public_page_reads_retire_nothing(client, article):
    from home.search.misses import record_search_miss
    from tests.newsletter.factories import SubscriberFactory

    warm(client, article.url, article.url)
    record_search_miss("bytova nouze", ["bytova", "nouze"])  # what a reader's search writes
    SubscriberFactory()  # a sign-up
    assert get(client, article.url)[1] == "hit"


def test_a_deploys_migrate_retires_every_copy_the_old_release_rendered(client, article):
    warm(client, article.url)
    assert get(client, article.url)[1] == "hit"
    call_command("migrate", verbosity=0)
    assert get(client, article.url)[1] == "miss"
