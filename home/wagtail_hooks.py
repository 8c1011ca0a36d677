from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.editorial import admin_views, create_race, dashboard
from home.editorial.report import ReviewReportView
from home.frame.i18n import is_mirrored_alias
from home.frame.models import ContactCentre, FooterContent, SiteNotice
from home.frame.navigation import locale_ids
from home.frame.untranslated import render_untranslated
from home.glossary.models import GlossaryTerm
from home.help_points import data as help_point_data
from home.help_points.models import HelpPoint
from home.library.rich_text import DescribedDocumentLinkHandler
from home.search import admin_views as search_admin
from home.search.models import SearchSynonym
from home.taxonomy.models import Audience, Topic

# A click on Publish racing the create view's first autosave (home/editorial/create_race.py).
# First of the before_create_page hooks: it runs the create view again, other hooks included,
# so none of them runs twice.
hooks.register("before_create_page", create_race.before_create_page, order=-100)
hooks.register("before_edit_page", create_race.before_edit_page)


@hooks.register("before_serve_page")
def serve_only_in_the_pages_own_language(page, request, serve_args, serve_kwargs):
    """Wagtail falls back to the Czech tree when a language has no page at that address;
    an English address must never show Czech text as if it were English."""
    expected_locale_id = locale_ids(request).get(translation.get_language())
    if is_mirrored_alias(page):
        return render_untranslated(request, page.alias_of, status=404)
    if page.locale_id != expected_locale_id:
        return render_untranslated(request, page, status=404)
    return None


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "slug", "description", "sort_order"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "slug", "description", "sort_order"]
    search_fields = ["name"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    list_display = ["term", "slug", "synonyms", "locale"]
    list_filter = ["locale"]
    list_export = ["term", "slug", "synonyms", "definition"]
    search_fields = ["term"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, AudienceViewSet, GlossaryTermViewSet)


class ContactCentreViewSet(SnippetViewSet):
    model = ContactCentre
    icon = "mail"
    list_display = ["name", "phone", "email", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "phone", "email", "opening_hours", "address"]


class FooterViewSet(SnippetViewSet):
    model = FooterContent
    icon = "list-ul"
    list_display = ["__str__", "registration_number", "locale"]


class SiteNoticeViewSet(SnippetViewSet):
    model = SiteNotice
    icon = "warning"
    list_display = ["title", "active", "starts_at", "ends_at", "locale"]
    list_filter = ["active", "tone", "locale"]


class SiteFrameGroup(SnippetViewSetGroup):
    menu_label = _("Site frame")
    menu_icon = "cog"
    menu_order = 310
    items = (FooterViewSet, ContactCentreViewSet, SiteNoticeViewSet)


class HelpPointViewSet(SnippetViewSet):
    model = HelpPoint
    icon = "site"
    menu_label = _("Help points")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "kind", "region", "municipality", "locale"]
    list_filter = ["kind", "region", "locale"]
    # The same columns as the public directory's export, the note included.
    list_export = help_point_data.FIELDS
    # A plain database search: a few hundred rows, and the same result on SQLite and
    # PostgreSQL; the folded place makes "usti" find "Ústí".
    search_backend_name = None
    search_fields = ["name", "municipality", "district", "place_folded"]
    ordering = ["region", "municipality", "name"]


register_snippet(TaxonomyGroup)
register_snippet(HelpPointViewSet)
register_snippet(SiteFrameGroup)


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["forms", "locale"]
    list_filter = ["locale"]
    list_export = ["forms"]
    search_fields = ["forms"]


register_snippet(SearchSynonymViewSet)


@hooks.register("register_rich_text_features", order=10)
def describe_document_links_in_rich_text(features):
    # After wagtail.documents' own hook (order 0), whose handler this one replaces.
    features.register_link_type(DescribedDocumentLinkHandler)


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [
        path("reports/search-misses/", search_admin.search_misses_report, name="search_misses"),
        path(
            "searchpicks/add-for-query/",
            search_admin.PromoteQueryView.as_view(),
            name="search_promote_query",
        ),
    ]


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "reports/translation-status/",
            admin_views.translation_status,
            name="translation_status",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="wagtail-localize-language",
        order=700,
    )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/review/", ReviewReportView.as_view(), name="review_report"),
        path(
            "reports/review/results/",
            ReviewReportView.as_view(results_only=True),
            name="review_report_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ReviewReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Pages due for review"), reverse("review_report"), icon_name="time", order=710
    )


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(dashboard.review_panel())
        panels.append(dashboard.search_misses_panel())
