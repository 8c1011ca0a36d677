"""Help points (contact points for housing, municipalities, NGO partners) and their directory."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.help_points import data as help_point_data
from home.help_points.choices import REGIONS, HelpPointKind
from home.help_points.export import as_csv, as_json
from home.help_points.forms import HelpPointFilterForm
from home.help_points.search import matching, search_words
from home.pages.mixins import ChangeDateMixin, ReviewMixin, SearchableMixin
from home.pages.models import paginate, subpage_url
from home.pages.querysets import published
from home.search.analysis import DEFAULT_LANGUAGE, fold
from portal.abuse import searching_too_often, too_many_requests

DIRECTORY_PAGE_SIZE = 20


class HelpPoint(TranslatableMixin, ChangeDateMixin, index.Indexed, models.Model):
    """Where a person can turn in person: one office, one address."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=HelpPointKind.choices)
    region = models.CharField(_("region"), max_length=20, choices=REGIONS)
    district = models.CharField(_("district"), max_length=100, help_text=_("The okres."))
    municipality = models.CharField(_("municipality"), max_length=100)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("For example who it helps."))
    # Municipality and district folded ("Ústí" -> "usti"): the directory searches this.
    place_folded = models.CharField(max_length=210, editable=False, db_index=True, default="")
    # Folded words and stems of name, municipality and district: home.help_points.search.
    search_words = models.TextField(editable=False, default="")

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("district"),
                FieldPanel("municipality"),
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Ways to reach it"),
        ),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("municipality"),
        index.SearchField("district"),
        index.SearchField("place_folded"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("locale"),
    ]
    # Names of places and contact details are the same in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("opening_hours"),
        TranslatableField("note"),
        *(
            SynchronizedField(name)
            for name in (
                "kind",
                "region",
                "district",
                "municipality",
                "street_address",
                "postal_code",
                "phone",
                "email",
                "website",
            )
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("help point")
        verbose_name_plural = _("help points")
        ordering = ["region", "municipality", "name"]

    def __str__(self):
        return f"{self.name} ({self.municipality})"

    def save(self, *args, **kwargs):
        self.place_folded = fold(f"{self.municipality} {self.district}")
        language = self.locale.language_code if self.locale_id else DEFAULT_LANGUAGE
        self.search_words = search_words(self.name, self.municipality, self.district, language)
        super().save(*args, **kwargs)

    @property
    def phone_uri(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def is_public_body(self) -> bool:
        return self.kind != HelpPointKind.NGO


def help_points_in(locale_id, region="", kind="", place="", language=DEFAULT_LANGUAGE):
    """Help points of a language, narrowed by region, kind and a place or name typed any
    way (inflected, without accents: the site search's analysis, home.help_points.search)."""
    points = HelpPoint.objects.filter(locale_id=locale_id)
    if region:
        points = points.filter(region=region)
    if kind:
        points = points.filter(kind=kind)
    condition = matching(place, language) if place else None
    if condition is not None:
        points = points.filter(condition)
    return points.order_by("region", "municipality", "name", "pk")


class HelpPointDirectoryPage(SearchableMixin, ReviewMixin, RoutablePageMixin, Page):
    """The directory of help points: filter, search, page through and export."""

    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]

    # Its routes' arguments (a topic, an audience, a place) are public: the route cache may
    # remember them (portal.caching.routes).
    route_arguments_are_public = True

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), *ReviewMixin.review_panels]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help point directory")

    def filtered(self, request):
        form = HelpPointFilterForm(request.GET or None)
        criteria = form.criteria()
        return form, help_points_in(self.locale_id, language=self.locale.language_code, **criteria)

    def serve(self, request, *args, **kwargs):
        # A place search (?obec=) runs a pattern match over every point; the region and kind
        # filters are plain lookups and do not count.
        if request.GET.get("obec", "").strip() and searching_too_often(request):
            return too_many_requests(request, retry_after=60)
        return super().serve(request, *args, **kwargs)

    @path("")
    def index(self, request):
        return self.render(request, context_overrides=self.directory_context(request))

    def directory_context(self, request) -> dict:
        form, points = self.filtered(request)
        found = paginate(request, points, per_page=DIRECTORY_PAGE_SIZE)
        query = form.query_string()
        return {
            "filter_form": form,
            "help_points": found,
            "query_string": query,
            "filtered": bool(query),
            "export_csv_url": subpage_url(self, "export-csv", query),
            "export_json_url": subpage_url(self, "export-json", query),
            "structured_data_extra": [
                help_point_data.organisation(request, point) for point in found.object_list
            ],
        }

    @path("export/csv/", name="export-csv")
    def export_csv(self, request):
        _form, points = self.filtered(request)
        return as_csv(points, filename=f"{self.slug}.csv")

    @path("export/json/", name="export-json")
    def export_json(self, request):
        _form, points = self.filtered(request)
        return as_json(points, filename=f"{self.slug}.json")


def directory_for(locale_id):
    """The live help-point directory of a language, if the site has one."""
    return published(HelpPointDirectoryPage.objects.filter(locale_id=locale_id)).first()
