"""The admin report of guidance pages overdue or soon due for review."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Locale, Page

from home.editorial.review import DUE_SOON_DAYS, pages_due, review_models

WINDOW_CHOICES = [
    ("0", _("Overdue only")),
    (str(DUE_SOON_DAYS), _("Overdue or due within 14 days")),
    ("30", _("Overdue or due within 30 days")),
    ("90", _("Overdue or due within 90 days")),
]


def owners(request=None):
    """Only people who own at least one reviewed page are worth offering as a filter."""
    owner_ids = set()
    for model in review_models():
        owner_ids.update(
            model.objects.exclude(content_owner=None).values_list("content_owner", flat=True)
        )
    user_model = get_user_model()
    return user_model.objects.filter(pk__in=owner_ids).order_by(user_model.USERNAME_FIELD)


class ReviewReportFilterSet(WagtailFilterSet):
    within = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=WINDOW_CHOICES,
        empty_label=None,
        widget=forms.RadioSelect,
        method="keep",
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Content owner"),
        empty_label=_("Anyone"),
        queryset=owners,
        method="keep",
    )

    class Meta:
        model = Page
        fields = []

    def keep(self, queryset, name, value):
        # The report filters its rows itself (they come from several page tables).
        return queryset


class ReviewReportView(PageReportView):
    page_title = _("Pages due for review")
    header_icon = "time"
    results_template_name = "home/admin/review_report_results.html"
    filterset_class = ReviewReportFilterSet
    index_url_name = "review_report"
    index_results_url_name = "review_report_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "title": _("Title"),
        "next_review_due": _("Next review due"),
        "last_reviewed": _("Last reviewed"),
        "content_owner": _("Content owner"),
        "owner_team": _("Responsible team"),
        "locale.language_code": _("Language"),
        "content_type": _("Type"),
    }
    list_export = list(export_headings)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "content_type": {
                self.FORMAT_CSV: get_content_type_label,
                self.FORMAT_XLSX: get_content_type_label,
            },
            "content_owner": {
                self.FORMAT_CSV: _owner_label,
                self.FORMAT_XLSX: _owner_label,
            },
        }

    def get_filename(self):
        return f"pages-due-for-review-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        return Page.objects.none()

    def filter_queryset(self, queryset):
        within, owner, locale = DUE_SOON_DAYS, None, None
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
            within = int(data.get("within") or DUE_SOON_DAYS)
            owner = data.get("owner")
            if data.get("locale"):
                locale = Locale.objects.filter(language_code=data["locale"]).first()
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return pages_due(within_days=within, owner=owner, locale=locale, among=editable)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "within" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["within"] = str(DUE_SOON_DAYS)
        return kwargs


def _owner_label(user):
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()
