"""“Přeložit tuto stránku” makes a draft: nothing in Czech appears on /en/, and an editor who
may not publish publishes nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page, PageLogEntry
from wagtail_localize.models import TranslationSource

from home.editorial.translation_status import DRAFT, build_report
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def english_section(home, section, english, django_capture_on_commit_callbacks):
    for page in (home, section):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        with django_capture_on_commit_callbacks(execute=True):
            source.create_or_update_translation(english, publish=True, fallback=True)
    return section


@pytest.fixture
def editor(client, django_user_model):
    """A member of a group like the demo's Editoři: writes and submits, may not publish."""
    group = Group.objects.create(name="Editoři (test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("redaktor", password="x" * 16)
    user.groups.add(group)
    client.force_login(user)
    return user


def test_translate_this_page_makes_an_english_draft_not_a_live_czech_page(
    client, editor, english, english_section, django_capture_on_commit_callbacks
):
    article = factories.ArticlePageFactory(parent=english_section, title="Jen česky zatím")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{article.pk}/", {"locales": [english.pk]}
        )
    assert response.status_code == 302
    translated = Page.objects.get(translation_key=article.translation_key, locale=english)
    assert not translated.live
    assert not PageLogEntry.objects.filter(user=editor, action="wagtail.publish").exists()

    client.logout()
    address = translated.specific.get_url()
    assert address.startswith("/en/")
    assert client.get(address).status_code == 404
    assert "Jen česky zatím" not in client.get("/en/feeds/articles.rss").content.decode()
    english_listing = english_section.get_translation(english).url
    assert "Jen česky zatím" not in client.get(english_listing).content.decode()
    report = next(row for row in build_report() if row.title == "Jen česky zatím")
    assert report.cells["en"].state == DRAFT
