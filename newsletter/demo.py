"""The bulletin's part of the demo site: its page (Czech and English) and one sent issue."""

from datetime import date

from django.utils import timezone
from wagtail.models import Locale

from home.models import ArticlePage
from portal.demo_translation import translate_as_translator

from .models import BulletinIndexPage, BulletinPage, Send

STRINGS = {
    "Zpravodaj": "Bulletin",
    "zpravodaj": "bulletin",
    "Novinky a Zpravodaj sociálního bydlení jednou za měsíc do vaší schránky.": (
        "News and the social housing bulletin in your inbox once a month."
    ),
    "Zpravodaj – listopad 2026 (ukázka)": "Bulletin – November 2026 (demo)",
    "zpravodaj-listopad-2026": "bulletin-november-2026",
    "V tomto čísle: jak mohou obce a neziskové organizace spolupracovat a co je sociální "
    "bydlení. Toto číslo je ukázkové.": (
        "In this issue: how municipalities and NGOs can work together, and what social "
        "housing is. This issue is a demo."
    ),
}


def build_bulletin_demo(home, log) -> list[str]:
    created = []
    index = BulletinIndexPage.objects.child_of(home).first()
    if index is None:
        index = BulletinIndexPage(
            title="Zpravodaj",
            slug="zpravodaj",
            intro="<p>Novinky a Zpravodaj sociálního bydlení jednou za měsíc do vaší schránky.</p>",
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        created.append("bulletin page")
    # The demo's own issue, by its slug: an issue an editor added is not the demo's to translate.
    issue = BulletinPage.objects.child_of(index).filter(slug="zpravodaj-listopad-2026").first()
    if issue is None:
        articles = ArticlePage.objects.filter(locale=home.locale).order_by("-first_published_at")
        issue = BulletinPage(
            title="Zpravodaj – listopad 2026 (ukázka)",
            slug="zpravodaj-listopad-2026",
            issue_date=date(2026, 11, 20),
            intro=(
                "<p>V tomto čísle: jak mohou obce a neziskové organizace spolupracovat a co je "
                "sociální bydlení. Toto číslo je ukázkové.</p>"
            ),
            body=[
                {"type": "teaser", "value": {"page": article.pk, "summary": ""}}
                for article in articles[:2]
            ],
        )
        index.add_child(instance=issue)
        issue.save_revision().publish()
        created.append("bulletin issue")
    english = Locale.objects.filter(language_code="en").first()
    if english is not None:
        for page in (index, issue):
            if page.get_translation_or_none(english) is None:
                _translate(page, english)
                created.append(f"English {page._meta.verbose_name}")
    # The demo issue counts as sent, so that the archive has something to show.
    if not Send.objects.filter(page=issue).exists():
        now = timezone.now()
        Send.objects.create(
            page=issue, status=Send.Status.DONE, scheduled_for=now, started_at=now, finished_at=now
        )
        created.append("demo send")
    for what in created:
        log(f"  created {what}")
    return created


def _translate(page, locale):
    translate_as_translator(page, locale, STRINGS.__getitem__)
