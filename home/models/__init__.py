from .guidance import AudienceLandingPage, FaqPage, HelpSignpostPage
from .help_points import HelpPoint, HelpPointDirectoryPage
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
    "AudienceLandingPage",
    "ContactCentre",
    "FaqPage",
    "FooterContent",
    "HelpPoint",
    "HelpPointDirectoryPage",
    "HelpSignpostPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PageAudience",
    "PageTopic",
    "RelatedPage",
    "SectionPage",
    "SiteNotice",
    "StandardPage",
    "Topic",
    "TopicIndexPage",
]
