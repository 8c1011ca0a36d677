"""`make run` after normal editing: the demo loader touches only the demo's own objects."""

from datetime import date

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from home.demo import content
from home.pages.models import ArticlePage, SectionPage
from home.taxonomy.models import Topic
from newsletter.models import BulletinIndexPage, BulletinPage

from .test_demo_idempotency import row_counts

pytestmark = pytest.mark.django_db


def test_loading_again_after_editing_keeps_the_editors_work(capsys, shared_demo_site):
    home = shared_demo_site
    czech = home.locale
    english = Locale.objects.get(language_code="en")

    # An editor publishes a Czech article and a Czech bulletin issue, neither in English,
    new_article = ArticlePage(
        title="Nový článek redakce",
        slug="novy-clanek-redakce",
        summary="Článek, který redakce napsala jen česky.",
        locale=czech,
    )
    SectionPage.objects.child_of(home).get(slug="metodika").add_child(instance=new_article)
    new_article.save_revision().publish()
    new_issue = BulletinPage(
        title="Zpravodaj – prosinec 2026",
        slug="zpravodaj-prosinec-2026",
        issue_date=date(2026, 12, 18),
        intro="<p>Prosincové číslo, zatím jen česky.</p>",
        locale=czech,
    )
    BulletinIndexPage.objects.child_of(home).get().add_child(instance=new_issue)
    new_issue.save_revision().publish()
    # retitles a demo article and publishes it,
    demo_article = ArticlePage.objects.get(locale=czech, slug=content.ARTICLES[0]["slug"])
    english_title = demo_article.get_translation(english).title
    demo_article.title = "Sociální bydlení: komu je určeno (upraveno redakcí)"
    demo_article.save_revision().publish()
    revision = demo_article.get_latest_revision()
    # and adds a topic in Czech only.
    topic = Topic.objects.create(locale=czech, name="Téma redakce", slug="tema-redakce")
    before = row_counts()

    call_command("load_demo_content")

    assert "nothing changed" in capsys.readouterr().out
    assert row_counts() == before
    for page, title in (
        (new_article, "Nový článek redakce"),
        (new_issue, "Zpravodaj – prosinec 2026"),
        (demo_article, "Sociální bydlení: komu je určeno (upraveno redakcí)"),
    ):
        page.refresh_from_db()
        assert (page.title, page.live, page.has_unpublished_changes) == (title, True, False)
    assert new_article.get_translations().count() == 0
    assert new_issue.get_translations().count() == 0
    assert demo_article.get_latest_revision() == revision
    assert demo_article.get_translation(english).title == english_title
    topic.refresh_from_db()
    assert topic.name == "Téma redakce"
    assert topic.get_translations().count() == 0
