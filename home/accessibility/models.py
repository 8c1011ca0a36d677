"""The accessibility statement that Czech public bodies must publish (zákon č. 99/2019 Sb.,
§ 8), in the structure of the model statement (vyhláška č. 515/2020 Sb., following the EU's
implementing decision 2018/1523).

Every part the model requires is a field the page cannot be published without: the body and
the website, the compliance status, the date the statement was prepared and how, the date
of its last review, the feedback mechanism with a contact, and the enforcement procedure.
The non-accessible content is required as soon as the status is not "fully compliant"
(AccessibilityStatementForm checks the parts that depend on each other).
"""

from django import forms
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from home.pages.mixins import ReviewMixin, SearchableMixin

STATEMENT_RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("a self-assessment by the body")
    THIRD_PARTY = "third_party", _("an assessment by a third party")


def has_text(html) -> bool:
    """Whether rich text says anything: an emptied editor still leaves "<p></p>" behind."""
    return bool(strip_tags(html or "").strip())


# Rich text parts of the statement that say what is not accessible, and why.
NON_ACCESSIBLE_PARTS = ("non_compliance", "disproportionate_burden", "out_of_scope", "alternatives")


class AccessibilityStatementForm(WagtailAdminPageForm):
    """The parts of the statement that depend on each other. Saving a draft may leave them
    unfinished (Wagtail defers required fields then); publishing may not."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        said = {name: has_text(cleaned_data.get(name)) for name in NON_ACCESSIBLE_PARTS}
        for name in ("feedback", "enforcement"):
            if name in cleaned_data and not has_text(cleaned_data[name]):
                self.add_error(name, forms.Field.default_error_messages["required"])
        status = cleaned_data.get("compliance_status")
        if status == ComplianceStatus.FULL:
            for name in ("non_compliance", "disproportionate_burden"):
                if said[name]:
                    self.add_error(name, FULLY_COMPLIANT_LISTS_NOTHING)
        elif status == ComplianceStatus.NONE and not said["non_compliance"]:
            self.add_error("non_compliance", SAY_WHAT_IS_NOT_ACCESSIBLE)
        elif status == ComplianceStatus.PARTIAL and not (
            said["non_compliance"] or said["disproportionate_burden"]
        ):
            self.add_error("non_compliance", PARTIALLY_COMPLIANT_LISTS_SOMETHING)
        prepared, reviewed = cleaned_data.get("prepared_on"), cleaned_data.get("last_reviewed")
        if not reviewed:
            self.add_error("last_reviewed", GIVE_THE_LAST_REVIEW)
        elif prepared and reviewed < prepared:
            self.add_error("last_reviewed", REVIEW_BEFORE_PREPARATION)
        return cleaned_data


FULLY_COMPLIANT_LISTS_NOTHING = _(
    "A fully compliant website has no non-compliance and claims no disproportionate burden: "
    "choose “partially compliant”, or leave this empty."
)
SAY_WHAT_IS_NOT_ACCESSIBLE = _("Say what is not accessible and which requirement it breaks.")
PARTIALLY_COMPLIANT_LISTS_SOMETHING = _(
    "A partially compliant website lists what is not accessible: here, or as a "
    "disproportionate burden."
)
GIVE_THE_LAST_REVIEW = _(
    "The statement gives the date of its last review (at first, the day it was prepared)."
)
REVIEW_BEFORE_PREPARATION = _("The last review cannot come before the statement was prepared.")


class AccessibilityStatementPage(SearchableMixin, ReviewMixin, Page):
    """One per language: the footer of every page links to it."""

    # Folded and stemmed title (and text) in the index: home.pages.mixins.SearchableMixin.
    search_fields = [*Page.search_fields, *SearchableMixin.search_fields]

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
    contact_email = models.EmailField(
        _("contact e-mail"),
        help_text=_("Of the person or team that answers reports about accessibility."),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    enforcement = RichTextField(
        _("enforcement procedure"),
        features=STATEMENT_RICH_TEXT,
        help_text=_(
            "What a person can do when the answer is unsatisfactory, with the supervising "
            "body's name, address and website: since 1 April 2023 the Digital and "
            "Information Agency (Digitální a informační agentura), no longer the Ministry "
            "of the Interior."
        ),
    )
    additional_information = RichTextField(
        _("additional information"),
        features=STATEMENT_RICH_TEXT,
        blank=True,
        help_text=_("Optional: for example plans to fix what is not accessible yet."),
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
            [
                FieldPanel("feedback"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("enforcement"),
            ],
            heading=_("Feedback and enforcement"),
        ),
        FieldPanel("additional_information"),
        *ReviewMixin.review_panels,
    ]
    base_form_class = AccessibilityStatementForm
    # Addresses are the same in every language: copied, never offered for translation.
    override_translatable_fields = [
        SynchronizedField("website"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # One per language: each language has its own home page.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def parts_with_text(self) -> dict[str, bool]:
        """Which optional parts say something; the template shows only those."""
        names = (*NON_ACCESSIBLE_PARTS, "additional_information")
        return {name: has_text(getattr(self, name)) for name in names}

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
        filled = self.parts_with_text()
        context["non_accessible"] = any(filled[name] for name in NON_ACCESSIBLE_PARTS)
        if not context["non_accessible"]:
            sections.pop(1)
        if filled["additional_information"]:
            sections.append(("dalsi-informace", _("Additional information")))
        context["filled"] = filled
        context["toc"] = [{"anchor": anchor, "text": text} for anchor, text in sections]
        return context
