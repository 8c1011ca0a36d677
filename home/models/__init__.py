from .editorial import ReviewReminder, SearchMiss
from .pages import (
    ArticlePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    RelatedPage,
    SectionPage,
    StandardPage,
)
from .site_content import ContactCentre, FooterContent, SiteNotice
from .taxonomy import Audience, AudienceIndexPage, PageAudience, PageTopic, Topic, TopicIndexPage

__all__ = [
    "ArticlePage",
    "Audience",
    "AudienceIndexPage",
    "ContactCentre",
    "FooterContent",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PageAudience",
    "PageTopic",
    "RelatedPage",
    "ReviewReminder",
    "SearchMiss",
    "SectionPage",
    "SiteNotice",
    "StandardPage",
    "Topic",
    "TopicIndexPage",
]
