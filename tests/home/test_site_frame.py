"""What editors control in every page's frame: notices, footer, menu, and private sections."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from home.frame.models import FooterContent, SiteNotice
from portal.locales import in_language_or_default as for_locale
from tests import factories

pytestmark = pytest.mark.django_db


def soup_of(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser")


def notice(**fields):
    defaults = {"title": "Omezení provozu", "message": "<p>Zavřeno.</p>", "active": True}
    return SiteNotice.objects.create(locale=Locale.get_default(), **{**defaults, **fields})


def test_an_active_notice_shows_on_every_page(client, home, section):
    notice()
    for url in ("/", section.url):
        assert "Omezení provozu" in soup_of(client, url).select_one(".site-notice").get_text()


def test_a_switched_off_notice_is_hidden(client, home):
    notice(active=False)
    assert soup_of(client).select(".site-notice") == []


@pytest.mark.parametrize(
    ("starts", "ends", "shown"),
    [(-1, 1, True), (1, 2, False), (-2, -1, False), (None, 1, True), (-1, None, True)],
)
def test_notice_respects_its_time_window(client, home, starts, ends, shown):
    now = timezone.now()
    notice(
        starts_at=None if starts is None else now + datetime.timedelta(days=starts),
        ends_at=None if ends is None else now + datetime.timedelta(days=ends),
    )
    assert bool(soup_of(client).select(".site-notice")) is shown


def test_footer_edits_show_without_a_deploy(client, home, footer):
    footer.registration_number = "CZ.00.0/TEST"
    footer.help_prompt = "Potřebujete poradit?"
    footer.save()
    text = soup_of(client).select_one("footer").get_text()
    assert "CZ.00.0/TEST" in text
    assert "Potřebujete poradit?" in text


def test_write_to_us_leads_to_the_chosen_page(client, home, footer):
    page = factories.StandardPageFactory(parent=home, title="Napište nám", slug="napiste-nam")
    footer.write_to_us_page = page
    footer.save()
    link = soup_of(client).find("a", string=footer.write_to_us_label)
    assert link["href"] == "/napiste-nam/"


def test_footer_of_a_language_without_translation_falls_back_to_czech(footer):
    Locale.objects.create(language_code="en")
    assert for_locale(FooterContent.objects.all(), "en") == footer
    assert for_locale(FooterContent.objects.all(), "cs") == footer


def test_only_one_footer_per_language(footer):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        FooterContent.objects.create(locale=footer.locale)


def test_menu_lists_home_children_shown_in_menus_and_marks_the_current_one(client, home):
    shown = factories.SectionPageFactory(parent=home, title="Metodika", show_in_menus=True)
    factories.SectionPageFactory(parent=home, title="Skrytá", show_in_menus=False)
    article = factories.ArticlePageFactory(parent=shown)
    links = soup_of(client, article.url).select(".site-nav a")
    assert [a.get_text() for a in links] == ["Metodika"]
    assert links[0]["aria-current"] == "true"
    assert soup_of(client, shown.url).select_one(".site-nav a")["aria-current"] == "page"


def test_private_sections_stay_out_of_menus_and_listings(client, home, section):
    private = factories.SectionPageFactory(parent=home, title="Interní", show_in_menus=True)
    hidden = factories.ArticlePageFactory(parent=private, title="Interní článek")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    factories.ArticlePageFactory(parent=section, title="Veřejný článek")
    soup = soup_of(client)
    assert "Interní" not in soup.select_one(".site-nav").get_text()
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert titles == ["Veřejný článek"]
    assert client.get(hidden.url).status_code == 302  # to the login page
