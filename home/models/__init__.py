from .accessibility import AccessibilityStatementPage
from .documents import GuidanceDocument
from .editorial import ReviewReminder, SearchMiss
from .glossary import GlossaryPage, GlossaryTerm
from .guidance import AudienceLandingPage, FaqPage, HelpSignpostPage
from .help_points import HelpPoint, HelpPointDirectoryPage
from .library import DocumentLibraryPage
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
    "AccessibilityStatementPage",
    "DocumentLibraryPage",
    "GlossaryPage",
    "GlossaryTerm",
    "GuidanceDocument",
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
    "ReviewReminder",
    "SearchMiss",
    "SectionPage",
    "SiteNotice",
    "StandardPage",
    "Topic",
    "TopicIndexPage",
]
