"""The translators' overview: every page and snippet, in every language, with its state."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from home.editorial.translation_status import (
    DRAFT,
    LIVE,
    MISSING,
    ORIGINAL,
    OUTDATED,
    UNTRANSLATED,
    build_report,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def localize(django_capture_on_commit_callbacks):
    """Translate through wagtail-localize, as the editor's "Translate" button does
    (it publishes on commit, which the test transaction has to be asked to run)."""

    def translate(obj, locale, publish=True, strings=True):
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        if strings:  # a translator filled in every string
            for segment in source.stringsegment_set.select_related("string"):
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": segment.string.data},
                )
        with django_capture_on_commit_callbacks(execute=True):
            source.create_or_update_translation(locale, publish=publish, fallback=True)
        return source

    return translate


@pytest.fixture
def english_section(home, section, english, localize):
    localize(home, english)
    localize(section, english)
    return section


def row_for(title, rows=None):
    rows = rows if rows is not None else build_report()
    return next(row for row in rows if row.title == title)


def states(row):
    return {language: cell.state for language, cell in row.cells.items()}


def test_untranslated_page_is_missing_with_a_translate_link(section, english):
    page = factories.ArticlePageFactory(parent=section, title="Jen česky")
    row = row_for("Jen česky")
    assert states(row) == {"cs": ORIGINAL, "en": MISSING}
    assert row.cells["en"].action_url == f"/admin/localize/submit/page/{page.pk}/"


def test_translated_page_is_live(english_section, english, localize):
    page = factories.ArticlePageFactory(parent=english_section, title="Přeloženo")
    localize(page, english)
    assert states(row_for("Přeloženo")) == {"cs": ORIGINAL, "en": LIVE}


def test_a_published_translation_still_in_the_source_language_is_an_untranslated_copy(
    english_section, english, localize
):
    page = factories.ArticlePageFactory(parent=english_section, title="Zkopírováno")
    localize(page, english, strings=False)
    cell = row_for("Zkopírováno").cells["en"]
    assert cell.state == UNTRANSLATED
    with translation.override("cs"):
        assert str(cell.label) == "nepřeložená kopie"


def test_unpublished_translation_is_a_draft(english_section, english, localize):
    page = factories.ArticlePageFactory(parent=english_section, title="Rozpracováno")
    localize(page, english, publish=False)
    assert states(row_for("Rozpracováno"))["en"] == DRAFT


def test_translation_goes_out_of_date_when_the_source_changes(english_section, english, localize):
    page = factories.ArticlePageFactory(parent=english_section, title="Měněno")
    source = localize(page, english)
    changed = timezone.now() + datetime.timedelta(minutes=5)
    page.title = "Měněno"
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(last_published_at=changed)
    cell = row_for("Měněno").cells["en"]
    assert cell.state == OUTDATED
    assert cell.since == changed
    assert cell.action_url == f"/admin/localize/update/{source.pk}/"


def test_snippets_are_reported_too(english, localize):
    topic = factories.TopicFactory(name="Sociální práce")
    assert states(row_for("Sociální práce")) == {"cs": ORIGINAL, "en": MISSING}
    localize(topic, english, strings=False)  # a snippet has no draft: it is live at once
    assert states(row_for("Sociální práce")) == {"cs": ORIGINAL, "en": UNTRANSLATED}
    localize(topic, english)
    assert states(row_for("Sociální práce")) == {"cs": ORIGINAL, "en": LIVE}
    topic.description = "Nový popis"
    topic.save()
    assert states(row_for("Sociální práce"))["en"] == OUTDATED


def test_filters_by_kind_and_state(section, english):
    factories.ArticlePageFactory(parent=section, title="Stránka")
    factories.TopicFactory(name="Téma")
    assert {row.title for row in build_report(kind="snippet")} == {"Téma"}
    assert "Téma" not in {row.title for row in build_report(kind="page")}
    missing = {row.title for row in build_report(state=MISSING)}
    assert {"Stránka", "Téma"} <= missing


def test_report_page_in_the_admin(client, django_user_model, section, english):
    factories.ArticlePageFactory(parent=section, title="Jen česky")
    editor = django_user_model.objects.create_user("prekladatelka", password="x" * 16)
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/reports/translation-status/", {"state": "missing"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    cells = soup.select('td[data-language="en"][data-state="missing"]')
    assert cells
    assert soup.find("a", string="Jen česky")


def test_report_is_for_admin_users_only(client, django_user_model):
    user = django_user_model.objects.create_user("ctenar", password="x" * 16)
    client.force_login(user)
    assert client.get("/admin/reports/translation-status/").status_code in (302, 403)


def test_every_translatable_snippet_of_every_app_is_reported(english):
    from contact.models import CannedAnswer, InquiryTopic
    from home.editorial.translation_status import translatable_snippet_models
    from home.frame.models import ContactCentre, FooterContent, SiteNotice
    from home.taxonomy.models import Audience, Topic

    reported = set(translatable_snippet_models())
    assert reported >= {Topic, Audience, ContactCentre, FooterContent, SiteNotice}
    assert reported >= {InquiryTopic, CannedAnswer}
    from tests.contact import factories as contact_factories

    contact_factories.InquiryTopicFactory(name="Bydlení pro seniory")
    row = row_for("Bydlení pro seniory")
    assert states(row) == {"cs": ORIGINAL, "en": MISSING}
    assert row.kind == str(InquiryTopic._meta.verbose_name)
