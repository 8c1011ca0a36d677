"""The demo site is built in code, completely, and building it again changes nothing."""

import pytest
from django.core.management import call_command
from django.db import models
from wagtail.models import Page, Site

from home.demo import seed
from home.models import ArticlePage, ContactCentre, FooterContent, SiteNotice, Topic

pytestmark = pytest.mark.django_db


def row_counts():
    from django.apps import apps

    counted = [
        model
        for model in apps.get_models()
        if model._meta.app_label in {"home", "wagtailcore", "wagtailimages", "wagtaildocs"}
        and issubclass(model, models.Model)
    ]
    return {model._meta.label: model.objects.count() for model in counted}


def test_loading_twice_changes_nothing(capsys):
    call_command("load_demo_content")
    before = row_counts()
    call_command("load_demo_content")
    assert row_counts() == before
    assert "nothing changed" in capsys.readouterr().out


def test_demo_home_replaces_wagtails_welcome_page(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page_id).exists()


def test_seed_article_holds_the_seed_text_verbatim_under_methodology(demo_site):
    article = ArticlePage.objects.get(slug=seed.SLUG)
    assert article.get_parent().slug == "metodika"
    paragraphs = [block.value.source for block in article.body if block.block_type == "paragraph"]
    source = (seed.Path(seed.__file__).with_name("founding_article.txt")).read_text()
    for original in source.split("\n\n")[:3]:
        assert f"<p>{original.strip()}</p>" in paragraphs
    headings = [block.value["heading"] for block in article.body if block.block_type == "heading"]
    assert headings == seed.HEADINGS
    assert "Pardubice a Brno" in article.body.render_as_block()


def test_seed_article_is_filed_under_topics_and_audiences(demo_site):
    article = ArticlePage.objects.get(slug=seed.SLUG)
    assert {link.topic.slug for link in article.page_topics.all()} == {
        "spoluprace-obci-a-nno",
        "socialni-prace",
    }
    assert {link.audience.slug for link in article.page_audiences.all()} == {"nno", "obce"}


def test_footer_carries_the_seed_texts(demo_site):
    footer = FooterContent.objects.get()
    assert footer.newsletter_heading == seed.NEWSLETTER_HEADING
    assert footer.registration_number == "CZ.03.2.63/0.0/0.0/15_017/0003539"
    assert footer.write_to_us_label == "Napište nám"
    assert footer.contact_centre.name == seed.CONTACT_CENTRE_NAME
    assert "omezena pouze na telefonáty" in footer.contact_centre.notice


def test_demo_content_is_marked_as_demo(demo_site):
    assert SiteNotice.objects.get().active
    for article in ArticlePage.objects.exclude(slug=seed.SLUG):
        assert "ukázkový obsah" in article.summary


def test_every_demo_page_renders(client, demo_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_demo_topics_and_contacts_exist_once(demo_site):
    assert Topic.objects.filter(slug="socialni-prace").count() == 1
    assert ContactCentre.objects.count() == 1


def test_demo_site_takes_its_address_from_base_url(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)
