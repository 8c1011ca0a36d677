"""The accessibility statement that Czech public bodies must publish (zákon č. 99/2019 Sb.),
in the structure of its template (vyhláška č. 515/2020 Sb.)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from .mixins import ReviewMixin

STATEMENT_RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("a self-assessment by the body")
    THIRD_PARTY = "third_party", _("an assessment by a third party")


class AccessibilityStatementPage(ReviewMixin, Page):
    """One per language: the footer of every page links to it."""

    body_name = models.CharField(
        _("public body"),
        max_length=255,
        help_text=_("The body that publishes the website, for example the ministry."),
    )
    # Not a URLField: the address of a staging or intranet host need not have a domain.
    website = models.CharField(
        _("website covered"), max_length=255, help_text=_("The address of the website.")
    )
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=20,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    non_compliance = RichTextField(
        _("content that is not accessible, and why"),
        features=STATEMENT_RICH_TEXT,
        blank=True,
        help_text=_("What is not accessible: the shortcoming and the requirement it breaks."),
    )
    disproportionate_burden = RichTextField(
        _("disproportionate burden"), features=STATEMENT_RICH_TEXT, blank=True
    )
    out_of_scope = RichTextField(
        _("content outside the law's scope"), features=STATEMENT_RICH_TEXT, blank=True
    )
    alternatives = RichTextField(
        _("accessible alternatives"),
        features=STATEMENT_RICH_TEXT,
        blank=True,
        help_text=_("How a person gets what is not accessible, for example on request."),
    )
    prepared_on = models.DateField(_("statement prepared on"))
    assessment_method = models.CharField(
        _("how the website was assessed"),
        max_length=20,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    feedback = RichTextField(
        _("feedback and contact"),
        features=STATEMENT_RICH_TEXT,
        help_text=_("How to report an accessibility problem or ask for an accessible format."),
    )
    enforcement = RichTextField(
        _("enforcement procedure"),
        features=STATEMENT_RICH_TEXT,
        help_text=_("What a person can do when the answer is unsatisfactory."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("body_name"), FieldPanel("website"), FieldPanel("compliance_status")],
            heading=_("Scope and status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("non_compliance"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("out_of_scope"),
                FieldPanel("alternatives"),
            ],
            heading=_("Content that is not accessible"),
        ),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("assessment_method")],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel(
            [FieldPanel("feedback"), FieldPanel("enforcement")],
            heading=_("Feedback and enforcement"),
        ),
        *ReviewMixin.review_panels,
    ]
    # The address is the same in every language: copied, never offered for translation.
    override_translatable_fields = [SynchronizedField("website")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # One per language: each language has its own home page.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template's fixed sections, for the same contents list articles have.
        sections = [
            ("stav-souladu", _("Compliance status")),
            ("nepristupny-obsah", _("Non-accessible content")),
            ("vypracovani", _("Preparation of this accessibility statement")),
            ("zpetna-vazba", _("Feedback and contact information")),
            ("prosazovani", _("Enforcement procedure")),
        ]
        if not (self.non_compliance or self.disproportionate_burden or self.out_of_scope):
            sections.pop(1)
        context["toc"] = [{"anchor": anchor, "text": text} for anchor, text in sections]
        return context
