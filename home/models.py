from home.accessibility.models import AccessibilityStatementPage
from home.editorial.models import ReviewReminder
from home.frame.models import ContactCentre, FooterContent, SiteNotice
from home.glossary.models import GlossaryPage, GlossaryTerm
from home.guidance.models import AudienceLandingPage, FaqPage, HelpSignpostPage
from home.help_points.models import HelpPoint, HelpPointDirectoryPage
from home.library.documents import GuidanceDocument
from home.library.models import DocumentLibraryPage
from home.pages.home_page import HomePage
from home.pages.models import (
    ArticlePage,
    NewsIndexPage,
    NewsPage,
    RelatedPage,
    SectionPage,
    StandardPage,
)
from home.search.models import SearchMiss, SearchSynonym, SearchZeroFollow
from home.taxonomy.models import (
    Audience,
    AudienceIndexPage,
    PageAudience,
    PageTopic,
    Topic,
    TopicIndexPage,
)

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
    "SearchSynonym",
    "SearchZeroFollow",
    "SectionPage",
    "SiteNotice",
    "StandardPage",
    "Topic",
    "TopicIndexPage",
]
