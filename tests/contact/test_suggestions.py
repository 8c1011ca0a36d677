"""Articles suggested while a person types: in their language, at most three, counted once
per visit, and every click recorded through a link nobody can forge."""

import pytest

from contact.models import ArticleSuggestion
from contact.public import suggestions
from tests import factories as content

from .conftest import translate_page

pytestmark = pytest.mark.django_db

QUESTION = "Jak může nezisková organizace spolupracovat s obcí na sociálním bydlení?"


@pytest.fixture
def articles(section):
    return [
        content.ArticlePageFactory(
            parent=section, title=f"Spolupráce obcí a neziskových organizací {n}"
        )
        for n in range(4)
    ]


@pytest.mark.both_databases
def test_at_most_three_live_articles_in_the_readers_language(articles, home, section, english):
    draft = content.ArticlePageFactory(parent=section, title="Spolupráce s obcí (koncept)")
    draft.unpublish()
    found = suggestions.suggest(QUESTION, "cs")
    assert len(found) == 3
    assert {page.pk for page in found} <= {page.pk for page in articles}
    assert suggestions.suggest(QUESTION, "en") == []

    translate_page(home, english, title="Social housing", slug="social-housing")
    translate_page(section, english, title="Methodology", slug="methodology")
    english_article = translate_page(
        articles[0], english, title="Cooperation of municipalities", slug="cooperation"
    )
    english_found = suggestions.suggest(
        "How can an organisation cooperate with municipalities?", "en"
    )
    assert [page.pk for page in english_found] == [english_article.pk]


def test_too_short_questions_suggest_nothing(articles):
    assert suggestions.suggest("Spolupráce", "cs") == []


def test_a_visit_counts_each_suggestion_once(articles):
    visit = suggestions.new_visit()
    suggestions.record_shown(visit, articles[:2], "cs")
    suggestions.record_shown(visit, articles[:3], "cs")
    assert ArticleSuggestion.objects.filter(visit=visit).count() == 3


def test_follow_links_cannot_be_forged(articles):
    visit = suggestions.new_visit()
    token = suggestions.follow_token(visit, articles[0].pk)
    assert suggestions.read_follow_token(token) == (visit, articles[0].pk)
    other_page = token.replace(str(articles[0].pk), str(articles[1].pk), 1)
    for forged in (other_page, token[:-2] + "xx", "12_abc_def", "", "x" * 300):
        assert suggestions.read_follow_token(forged) is None


def test_following_records_the_click_once(articles):
    visit = suggestions.new_visit()
    suggestions.record_shown(visit, articles[:1], "cs")
    suggestions.record_followed(visit, articles[0].pk)
    first = ArticleSuggestion.objects.get().followed_at
    suggestions.record_followed(visit, articles[0].pk)
    assert ArticleSuggestion.objects.get().followed_at == first
