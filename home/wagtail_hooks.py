from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, ContactCentre, FooterContent, SiteNotice, Topic


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


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, AudienceViewSet)


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


register_snippet(TaxonomyGroup)
register_snippet(SiteFrameGroup)
