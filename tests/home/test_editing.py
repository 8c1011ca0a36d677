"""An editor builds, previews, schedules and publishes an article in the Wagtail admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.pages.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("metodicka", password="x" * 16)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


@pytest.fixture
def taxonomy(db):
    return factories.TopicFactory(name="Sociální práce"), factories.AudienceFactory(name="Obce")


def article_form(section, taxonomy, footer, **overrides):
    topic, audience = taxonomy
    related = factories.ArticlePageFactory(parent=section, title="Starší článek")
    image = _image()
    data = {
        "title": "Sdílené sociální bydlení",
        "slug": "sdilene-bydleni",
        "summary": "Jak na sdílené bydlení.",
        "listing_image": image.pk,
        "body": streamfield(
            [
                ("heading", {"heading": "Úvod", "level": "h2"}),
                ("paragraph", rich_text("<p>Obec a NNO spolupracují.</p>")),
                (
                    "callout",
                    {"tone": "tip", "title": "Tip", "text": rich_text("<p>Ptejte se.</p>")},
                ),
                ("quote", {"quote": "Spolu to jde.", "attribution": "Starosta"}),
                ("contact_box", {"heading": "Poradíme", "contact": footer.contact_centre.pk}),
                ("heading", {"heading": "Závěr", "level": "h2"}),
            ]
        ),
        "page_topics": inline_formset([{"topic": topic.pk}]),
        "page_audiences": inline_formset([{"audience": audience.pk}]),
        "related_pages": inline_formset([{"page": related.pk}]),
        "comments": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def _image():
    from wagtail.images import get_image_model

    from home.demo.media import listing_image_file

    image = get_image_model()(title="Ilustrace", file=listing_image_file("ilustrace", (0, 0, 0)))
    image.save()
    return image


def add_url(section):
    return f"/admin/pages/add/home/articlepage/{section.pk}/"


def test_editor_publishes_an_article_with_every_part(client, editor, section, taxonomy, footer):
    data = article_form(section, taxonomy, footer, **{"action-publish": "publish"})
    response = client.post(add_url(section), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="sdilene-bydleni")
    assert article.live
    assert [block.block_type for block in article.body] == [
        "heading",
        "paragraph",
        "callout",
        "quote",
        "contact_box",
        "heading",
    ]
    assert article.page_topics.get().topic == taxonomy[0]
    assert article.page_audiences.get().audience == taxonomy[1]
    assert article.related_pages.get().page.title == "Starší článek"
    assert article.listing_image is not None
    public = client.get(article.url).content.decode()
    assert "Obec a NNO spolupracují." in public
    assert 'href="#uvod"' in public and 'href="#zaver"' in public


def test_editor_previews_before_publishing(client, editor, section, taxonomy, footer):
    data = article_form(section, taxonomy, footer)
    preview_url = add_url(section) + "preview/"
    assert client.post(preview_url, data).json()["is_valid"] is True
    response = client.get(preview_url, {"mode": ""})
    assert response.status_code == 200
    assert "Obec a NNO spolupracují." in response.content.decode()
    assert not ArticlePage.objects.filter(slug="sdilene-bydleni").exists()


def test_editor_schedules_an_article(client, editor, section, taxonomy, footer):
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = article_form(
        section,
        taxonomy,
        footer,
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "publish"},
    )
    assert client.post(add_url(section), data).status_code == 302
    article = ArticlePage.objects.get(slug="sdilene-bydleni")
    assert not article.live
    assert article.scheduled_revision is not None
    assert client.get(section.url + "sdilene-bydleni/").status_code == 404


def test_invalid_article_is_refused_with_errors_and_nothing_saved(
    client, editor, section, taxonomy, footer
):
    data = article_form(section, taxonomy, footer, summary="", **{"action-publish": "publish"})
    response = client.post(add_url(section), data)
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="sdilene-bydleni").exists()


def test_an_article_cannot_be_added_under_the_home_page(client, editor, home):
    response = client.get(f"/admin/pages/add/home/articlepage/{home.pk}/")
    assert response.status_code == 302
    assert response.url == "/admin/"


@pytest.mark.parametrize(
    "model", ["topic", "audience", "contactcentre", "footercontent", "sitenotice", "helppoint"]
)
def test_editors_manage_the_snippets_they_need(client, editor, footer, model):
    assert client.get(f"/admin/snippets/home/{model}/").status_code == 200
    assert client.get(f"/admin/snippets/home/{model}/add/").status_code == 200
