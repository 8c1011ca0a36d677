"""What every page's frame shows and editors change without a deploy.

These are translatable snippets rather than site settings, so that wagtail-localize can
translate them like any other content: one row per locale.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin

from home.pages.mixins import ChangeDateMixin

SHORT_RICH_TEXT = ["bold", "italic", "link"]


class ContactCentre(TranslatableMixin, ChangeDateMixin, models.Model):
    """A contact point: the footer's contact-centre block and the body's contact boxes."""

    name = models.CharField(_("name"), max_length=200)
    notice = RichTextField(
        _("notice"),
        features=SHORT_RICH_TEXT,
        blank=True,
        help_text=_("For example a temporary limitation of the contact centre's service."),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    address = models.TextField(_("address"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("notice"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldPanel("address"),
            ],
            heading=_("Ways to reach it"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact centre")
        verbose_name_plural = _("contact centres")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=100)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social media link")


class FooterContent(TranslatableMixin, ChangeDateMixin, models.Model):
    """The footer's texts, one per language."""

    newsletter_heading = models.CharField(
        _("newsletter heading"),
        max_length=200,
        default="Přihlaste se k odběru novinek a Zpravodaje sociálního bydlení",
    )
    contact_centre = models.ForeignKey(
        ContactCentre,
        verbose_name=_("contact centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    help_prompt = models.CharField(_("help prompt"), max_length=200, default="Nevíte si rady?")
    feedback_prompt = models.CharField(
        _("feedback prompt"), max_length=200, default="Máte připomínky k obsahu webu?"
    )
    write_to_us_label = models.CharField(
        _("write-to-us link text"), max_length=100, default="Napište nám"
    )
    write_to_us_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("write-to-us page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Where "Write to us" leads; the contact centre\'s e-mail when empty.'),
    )
    funding_statement = RichTextField(_("funding statement"), features=SHORT_RICH_TEXT, blank=True)
    registration_number = models.CharField(
        _("project registration number"), max_length=100, blank=True
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social media"), blank=True
    )

    panels = [
        FieldPanel("newsletter_heading"),
        MultiFieldPanel(
            [
                FieldPanel("contact_centre"),
                FieldPanel("help_prompt"),
                FieldPanel("feedback_prompt"),
                FieldPanel("write_to_us_label"),
                FieldPanel("write_to_us_page"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("funding_statement"), FieldPanel("registration_number")],
            heading=_("Funding"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footer")
        constraints = [models.UniqueConstraint(fields=["locale"], name="one_footer_per_locale")]

    def __str__(self):
        return str(_("Footer (%(locale)s)") % {"locale": self.locale.language_code})


class SiteNoticeQuerySet(models.QuerySet):
    def showing(self, language_code, now=None):
        now = now or timezone.now()
        return (
            self.filter(locale__language_code=language_code, active=True)
            .exclude(starts_at__gt=now)
            .exclude(ends_at__lte=now)
        )


class SiteNotice(TranslatableMixin, ChangeDateMixin, models.Model):
    """A banner at the top of every page that editors switch on and off."""

    TONES = [("info", _("Information")), ("warning", _("Warning"))]

    title = models.CharField(_("title"), max_length=200)
    message = RichTextField(_("message"), features=SHORT_RICH_TEXT)
    tone = models.CharField(_("tone"), max_length=20, choices=TONES, default="info")
    active = models.BooleanField(_("shown"), default=False)
    starts_at = models.DateTimeField(_("show from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)

    objects = SiteNoticeQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("tone"),
        MultiFieldPanel(
            [FieldPanel("active"), FieldPanel("starts_at"), FieldPanel("ends_at")],
            heading=_("When it shows"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")

    def __str__(self):
        return self.title
