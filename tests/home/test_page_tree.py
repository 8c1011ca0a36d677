"""Editors can only build a sensible tree."""

import pytest
from wagtail.models import Page

from home.accessibility.models import AccessibilityStatementPage
from home.glossary.models import GlossaryPage
from home.guidance.models import AudienceLandingPage, FaqPage, HelpSignpostPage
from home.help_points.models import HelpPointDirectoryPage
from home.library.models import DocumentLibraryPage
from home.pages.home_page import HomePage
from home.pages.models import ArticlePage, NewsIndexPage, NewsPage, SectionPage, StandardPage
from home.taxonomy.models import AudienceIndexPage, TopicIndexPage


def allowed_children(model):
    return set(model.allowed_subpage_models())


def test_home_page_takes_sections_indexes_standard_pages_and_feature_pages():
    from django.apps import apps
    from django.conf import settings

    features = {apps.get_model(label) for label in settings.HOME_PAGE_FEATURE_CHILDREN}
    assert allowed_children(HomePage) == {
        SectionPage,
        NewsIndexPage,
        TopicIndexPage,
        AudienceIndexPage,
        StandardPage,
        AudienceLandingPage,
        HelpSignpostPage,
        HelpPointDirectoryPage,
        DocumentLibraryPage,
        GlossaryPage,
        AccessibilityStatementPage,
        *features,
    }


def test_home_page_sits_only_at_the_root():
    assert set(HomePage.allowed_parent_page_models()) == {Page}


@pytest.mark.parametrize(
    "model",
    [
        ArticlePage,
        NewsPage,
        TopicIndexPage,
        AudienceIndexPage,
        FaqPage,
        HelpSignpostPage,
        HelpPointDirectoryPage,
    ],
)
def test_leaf_pages_take_no_children(model):
    assert allowed_children(model) == set()


def test_articles_live_only_in_sections():
    assert set(ArticlePage.allowed_parent_page_models()) == {SectionPage}


def test_news_lives_only_in_the_news_index():
    assert set(NewsPage.allowed_parent_page_models()) == {NewsIndexPage}


def test_sections_nest_and_hold_articles():
    assert allowed_children(SectionPage) == {ArticlePage, SectionPage, StandardPage}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [NewsIndexPage, TopicIndexPage, AudienceIndexPage, HelpPointDirectoryPage]
)
def test_only_one_index_of_a_kind_per_home_page(home, model):
    assert model.can_create_at(home)
    index = model(title="Index", slug="index")
    home.add_child(instance=index)
    assert not model.can_create_at(home)


@pytest.mark.django_db
def test_an_article_cannot_be_created_under_the_home_page(home):
    assert not ArticlePage.can_create_at(home)


def test_entry_points_sit_under_the_home_page_and_hold_the_faq_and_signpost():
    assert set(AudienceLandingPage.allowed_parent_page_models()) == {HomePage}
    assert allowed_children(AudienceLandingPage) == {FaqPage, HelpSignpostPage}


def test_faq_pages_live_only_under_entry_points():
    assert set(FaqPage.allowed_parent_page_models()) == {AudienceLandingPage}


def test_the_signpost_lives_under_an_entry_point_or_the_home_page():
    assert set(HelpSignpostPage.allowed_parent_page_models()) == {AudienceLandingPage, HomePage}


@pytest.mark.django_db
@pytest.mark.parametrize("model", [FaqPage, HelpSignpostPage])
def test_one_faq_and_one_signpost_per_entry_point(home, model):
    from tests import factories

    landing = factories.AudienceLandingPageFactory(parent=home)
    assert model.can_create_at(landing)
    factory = {
        FaqPage: factories.FaqPageFactory,
        HelpSignpostPage: factories.HelpSignpostPageFactory,
    }
    factory[model](parent=landing)
    assert not model.can_create_at(landing)
