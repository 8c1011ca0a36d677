"""Guidance pages say when they were last reviewed and who answers for them."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from home.pages.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_next_review_defaults_to_a_year_after_the_last(section, settings):
    settings.REVIEW_INTERVAL_DAYS = 365
    article = factories.ArticlePageFactory(parent=section, last_reviewed=date(2026, 3, 1))
    article.full_clean()
    assert article.next_review_due == date(2027, 3, 1)


def test_next_review_cannot_precede_the_last(section):
    with translation.override("cs"), pytest.raises(ValidationError) as error:
        factories.ArticlePageFactory(
            parent=section, last_reviewed=date(2026, 3, 1), next_review_due=date(2026, 2, 1)
        )
    assert error.value.message_dict == {
        "next_review_due": ["Příští kontrola nemůže předcházet té poslední."]
    }


def test_overdue_only_after_the_due_date(section):
    article = factories.ArticlePageFactory(parent=section, next_review_due=date(2026, 5, 1))
    assert article.review_overdue(today=date(2026, 5, 2))
    assert not article.review_overdue(today=date(2026, 5, 1))
    assert not ArticlePage(title="x").review_overdue(today=date(2030, 1, 1))


def test_article_shows_review_date_and_team_but_not_the_owner_account(client, section, footer):
    owner = factories.UserFactory(first_name="Tajná", last_name="Osoba")
    article = factories.ArticlePageFactory(
        parent=section,
        content_owner=owner,
        owner_team="Metodický tým",
        last_reviewed=date(2026, 10, 5),
        next_review_due=date(2027, 10, 5),
    )
    html = client.get(article.url).content.decode()
    review = BeautifulSoup(html, "html.parser").select_one(".review-info")
    assert review is not None
    text = " ".join(review.get_text().split())
    assert "Stránka naposledy zkontrolována: 5. 10. 2026" in text
    assert "Příští kontrola: 5. 10. 2027" in text
    assert "Odpovídá: Metodický tým" in text
    assert "Tajná" not in html


def test_article_without_review_data_shows_no_empty_box(client, section, footer):
    article = factories.ArticlePageFactory(parent=section)
    html = client.get(article.url).content.decode()
    assert "review-info" not in html
