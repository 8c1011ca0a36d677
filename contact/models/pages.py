"""The contact centre's page: editors write its introductions, the routes do the rest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from portal.locales import in_language_or_default

from .choices import Kind


def localized_path(name, **patterns):
    """One route per language under `<name>-<language>`, so that Czech addresses use Czech
    words and English ones English words (route patterns cannot be translated lazily)."""

    def decorator(view):
        for language, pattern in patterns.items():
            view = path(pattern, name=f"{name}-{language}")(view)
        return view

    return decorator


class ContactPage(RoutablePageMixin, Page):
    intro = models.TextField(
        _("introduction to the question form"),
        blank=True,
        help_text=_("Who answers, and what the contact centre can and cannot help with."),
    )
    feedback_intro = models.TextField(_("introduction to the feedback form"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The form links to it: how we handle the personal data people send."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("feedback_intro"),
        FieldPanel("privacy_page"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    # The public views answer these routes. They stand above the models (they import them
    # and the services), so this module cannot import them without a cycle: contact.apps
    # hands them over once every app is loaded.
    public_views = None

    class Meta:
        verbose_name = _("contact centre page")

    def route_url(self, name, *args, request=None) -> str:
        """The address of one of this page's routes, in the words of the page's language."""
        language = self.locale.language_code
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        return self.get_url(request) + self.reverse_subpage(f"{name}-{language}", args=args)

    @path("")
    def question(self, request):
        return self.public_views.inquiry_form(request, self, Kind.QUESTION)

    @localized_path("feedback", cs="pripominka/", en="feedback/")
    def feedback(self, request):
        return self.public_views.inquiry_form(request, self, Kind.FEEDBACK)

    @localized_path("confirmation", cs="odeslano/<str:token>/", en="sent/<str:token>/")
    def confirmation(self, request, token):
        return self.public_views.confirmation(request, self, token)

    @localized_path("received", cs="odeslano/", en="sent/")
    def received(self, request):
        return self.public_views.received(request, self)

    @localized_path("status", cs="stav/<str:token>/", en="status/<str:token>/")
    def status(self, request, token):
        return self.public_views.status(request, self, token)

    @localized_path("suggestions", cs="navrhy/", en="suggestions/")
    def suggestions(self, request):
        return self.public_views.suggestions_fragment(request, self)

    @localized_path("follow", cs="clanek/<str:token>/", en="article/<str:token>/")
    def follow(self, request, token):
        return self.public_views.follow_suggestion(request, self, token)


def contact_page_for(language_code: str) -> ContactPage | None:
    """The live contact page of a language, or the Czech one when that language has none
    (an alias mirroring the Czech page does not count as a translation)."""
    return in_language_or_default(
        ContactPage.objects.live().filter(alias_of__isnull=True), language_code
    )
