from .accessibility import AccessibilityStatementPage
from .documents import GuidanceDocument
from .glossary import GlossaryPage, GlossaryTerm
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
    "ContactCentre",
    "FooterContent",
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
