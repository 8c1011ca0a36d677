"""Pages cost a fixed number of SQL queries, however many articles the site holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pages.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

# Warm requests (renditions exist, the page cache off: these are the queries of a render),
# measured on PostgreSQL and SQLite alike. Routing and the shared frame (menu, footer,
# notices, breadcrumbs, the language versions of the page) come from the shared cache
# (portal.caching.frame, portal.caching.routes); what is left is the page's own content,
# and none of it depends on how many articles exist. The home page's listings and an
# article's own content are fragments kept for the generation (portal.caching.fragments), so
# each costs only the page itself.
BUDGETS = {
    "home": 1,
    "section": 5,
    "article": 1,
    "topic": 7,
    "search": 5,
    "feed": 1,
}


@pytest.fixture
def site(section, news_index, topic_index, audience_index, footer):
    topic = factories.TopicFactory(slug="spoluprace")
    audience = factories.AudienceFactory(slug="obce")
    image = image_for_cards()
    return {
        "section": section,
        "news_index": news_index,
        "topic": topic,
        "audience": audience,
        "image": image,
    }


def image_for_cards():
    from wagtail.images import get_image_model

    from home.demo.media import listing_image_file

    image = get_image_model()(title="Karta", file=listing_image_file("karta", (10, 80, 140)))
    image.save()
    return image


def add_articles(site, count):
    articles = factories.ArticlePageFactory.create_batch(
        count,
        parent=site["section"],
        listing_image=site["image"],
        topics=[site["topic"]],
        audiences=[site["audience"]],
        summary="Spolupráce obcí a NNO v sociálním bydlení.",
    )
    factories.NewsPageFactory.create_batch(
        min(count, 5), parent=site["news_index"], listing_image=site["image"]
    )
    return articles


def queries_for(client, url):
    client.get(url)  # warm: renditions and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def urls(site, article):
    return {
        "home": "/",
        "section": site["section"].url,
        "article": article.url,
        "topic": "/temata/spoluprace/",
        "search": "/hledat/?q=spoluprace",
        "feed": "/feeds/articles.rss",
    }


@pytest.mark.both_databases
def test_query_counts_do_not_grow_with_the_number_of_articles(client, site):
    few = add_articles(site, 1)
    counts_with_few = {name: queries_for(client, url) for name, url in urls(site, few[0]).items()}
    add_articles(site, 99)
    counts_with_many = {name: queries_for(client, url) for name, url in urls(site, few[0]).items()}
    assert counts_with_many == counts_with_few
    for name, count in counts_with_many.items():
        assert count <= BUDGETS[name], f"{name}: {count} queries, budget {BUDGETS[name]}"


@pytest.mark.both_databases
def test_query_counts_are_the_same_at_ten_and_a_thousand_articles(client, site):
    from home.demo.bulk import add_articles as add_many

    options = {"topics": [site["topic"]], "listing_image": site["image"]}
    first = add_many(site["section"], 10, **options)
    article = ArticlePage.objects.get(pk=first[0])
    pages = urls(site, article)
    counts_at_ten = {name: queries_for(client, url) for name, url in pages.items()}
    add_many(site["section"], 990, start=10, **options)
    counts_at_a_thousand = {name: queries_for(client, url) for name, url in pages.items()}
    assert counts_at_a_thousand == counts_at_ten
    assert all(count <= 10 for count in counts_at_a_thousand.values()), counts_at_a_thousand
