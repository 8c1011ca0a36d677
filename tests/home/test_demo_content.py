"""The demo site is built in code, completely, and building it again changes nothing."""

from datetime import date

import pytest
from wagtail.models import Page, Site

from home.demo import seed
from home.frame.models import ContactCentre, FooterContent, SiteNotice
from home.pages.models import ArticlePage
from home.taxonomy.models import Topic

pytestmark = pytest.mark.django_db


def test_demo_home_replaces_wagtails_welcome_page(db, shared_demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    homes = Page.objects.filter(depth=2).exclude(pk=site.root_page_id)
    assert [home.locale.language_code for home in homes] == ["en"]
    assert homes.get().translation_key == site.root_page.translation_key


def test_seed_article_holds_the_seed_text_verbatim_under_methodology(db, shared_demo_site):
    article = ArticlePage.objects.get(slug=seed.SLUG)
    assert article.get_parent().slug == "metodika"
    paragraphs = [block.value.source for block in article.body if block.block_type == "paragraph"]
    source = (seed.Path(seed.__file__).with_name("founding_article.txt")).read_text()
    for original in source.split("\n\n")[:3]:
        assert f"<p>{original.strip()}</p>" in paragraphs
    headings = [block.value["heading"] for block in article.body if block.block_type == "heading"]
    assert headings == seed.HEADINGS
    assert "Pardubice a Brno" in article.body.render_as_block()


def test_seed_article_is_filed_under_topics_and_audiences(db, shared_demo_site):
    article = ArticlePage.objects.get(slug=seed.SLUG)
    assert {link.topic.slug for link in article.page_topics.all()} == {
        "spoluprace-obci-a-nno",
        "socialni-prace",
    }
    assert {link.audience.slug for link in article.page_audiences.all()} == {"nno", "obce"}


def test_footer_carries_the_seed_texts(db, shared_demo_site):
    footer = FooterContent.objects.get(locale__language_code="cs")
    assert footer.newsletter_heading == seed.NEWSLETTER_HEADING
    assert footer.registration_number == "CZ.03.2.63/0.0/0.0/15_017/0003539"
    assert footer.write_to_us_label == "Napište nám"
    assert footer.contact_centre.name == seed.CONTACT_CENTRE_NAME
    assert "omezena pouze na telefonáty" in footer.contact_centre.notice


def test_demo_content_is_marked_as_demo(db, shared_demo_site):
    assert all(notice.active for notice in SiteNotice.objects.all())
    for article in ArticlePage.objects.filter(locale__language_code="cs").exclude(slug=seed.SLUG):
        assert "ukázkový obsah" in article.summary
    for article in ArticlePage.objects.filter(locale__language_code="en"):
        assert "demo content" in article.summary or "Pardubice" in str(article.body)


def test_every_demo_page_renders(client, db, shared_demo_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_demo_topics_and_contacts_exist_once(db, shared_demo_site):
    assert Topic.objects.filter(slug="socialni-prace").count() == 1
    assert Topic.objects.filter(slug="social-work").count() == 1
    assert ContactCentre.objects.filter(locale__language_code="cs").count() == 1


def test_demo_site_takes_its_address_from_base_url(db, shared_demo_site):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)


def test_demo_exists_in_english_through_wagtail_localize(client, db, shared_demo_site):
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, Translation

    english = Locale.objects.get(language_code="en")
    czech_seed = ArticlePage.objects.get(slug=seed.SLUG)
    english_seed = czech_seed.get_translation(english)
    assert english_seed.live and english_seed.alias_of_id is None
    assert Translation.objects.filter(
        source__object_id=czech_seed.translation_key, target_locale=english
    ).exists()
    assert not StringTranslation.objects.exclude(translation_type="manual").exists()
    html = client.get(english_seed.url).content.decode()
    assert "the city councils of Pardubice and Brno" in html
    assert english_seed.url == "/en/methodology/ngos-working-with-municipalities/"


def test_demo_translation_report_has_nothing_to_do(db, shared_demo_site):
    from home.demo.editorial import IN_REVIEW, SCHEDULED
    from home.editorial.translation_status import build_report

    # Only the two articles not yet live (in review, scheduled) wait for their translation.
    needing_work = [row.title for row in build_report() if row.needs_work]
    assert needing_work == [IN_REVIEW["title"], SCHEDULED["title"]]


def test_english_demo_search_finds_the_seed_article(client, db, shared_demo_site):
    response = client.get("/en/search/", {"q": "Pardubice"})
    assert "How can non-profit organisations work with a municipality" in response.content.decode()


def test_demo_articles_have_an_owner_and_one_is_overdue_for_review(db, shared_demo_site):
    articles = ArticlePage.objects.filter(locale__language_code="cs")
    assert articles.exists()
    assert all(a.content_owner and a.content_owner.username == "metodik" for a in articles)
    assert not articles.get(slug=seed.SLUG).review_overdue(today=date(2026, 11, 25))
    overdue = [a.slug for a in articles if a.review_overdue(today=date(2026, 11, 25))]
    assert overdue == ["co-je-socialni-bydleni"]
    assert not articles.first().content_owner.has_usable_password()
