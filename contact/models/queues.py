"""Who answers: queues (teams and shared mailboxes) and the rules that send inquiries there.

These are data staff edit in the admin, not code. Every inquiry lands in exactly one queue:
the first matching rule, else its topic's queue, else the fallback queue.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.addresses import validate_address

from .choices import Kind, Region, RequesterType

DEFAULT_RESPONSE_DAYS = 10
DEFAULT_RETENTION_MONTHS = 24


class QueueQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The queues whose inquiries a user may see: all for superusers, else their own."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(memberships__user=user).distinct()


class Queue(ClusterableModel):
    class Assignment(models.TextChoices):
        MANUAL = "manual", _("manual: staff take inquiries themselves")
        DEFAULT_OWNER = "default_owner", _("to the default owner")
        ROUND_ROBIN = "round_robin", _("round robin among available members")

    name = models.CharField(_("name"), max_length=100, unique=True)
    mailbox = models.EmailField(
        _("shared mailbox"),
        blank=True,
        validators=[validate_address],
        help_text=_("Notified of every new inquiry in this queue, besides its members."),
    )
    assignment = models.CharField(
        _("assignment"), max_length=20, choices=Assignment.choices, default=Assignment.MANUAL
    )
    default_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Round robin remembers whose turn it was last.
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"), default=DEFAULT_RESPONSE_DAYS
    )
    retention_months = models.PositiveSmallIntegerField(
        _("anonymise finished inquiries after (months)"), default=DEFAULT_RETENTION_MONTHS
    )
    is_fallback = models.BooleanField(
        _("fallback queue"),
        default=False,
        help_text=_("Receives every inquiry that no rule and no topic sends elsewhere."),
    )

    objects = QueueQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("mailbox"),
        MultiFieldPanel(
            [FieldPanel("assignment"), FieldPanel("default_owner")], heading=_("Assignment")
        ),
        FieldPanel("response_days"),
        FieldPanel("retention_months"),
        FieldPanel("is_fallback"),
        InlinePanel("memberships", label=_("Member")),
    ]

    class Meta:
        verbose_name = _("queue")
        verbose_name_plural = _("queues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_fallback"],
                condition=models.Q(is_fallback=True),
                name="one_fallback_queue",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.assignment == self.Assignment.DEFAULT_OWNER and not self.default_owner_id:
            raise ValidationError({"default_owner": _("Choose the default owner.")})
        others = Queue.objects.filter(is_fallback=True).exclude(pk=self.pk)
        if self.is_fallback and others.exists():
            raise ValidationError({"is_fallback": _("Another queue is the fallback already.")})
        if not self.is_fallback and self.pk and not others.exists():
            was_fallback = Queue.objects.filter(pk=self.pk, is_fallback=True).exists()
            if was_fallback:
                raise ValidationError({"is_fallback": _("Make another queue the fallback first.")})


class QueueMembership(Orderable):
    queue = ParentalKey(Queue, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="queue_memberships",
    )
    available = models.BooleanField(
        _("available"),
        default=True,
        help_text=_("Round robin skips members who are away."),
    )

    panels = [FieldPanel("user"), FieldPanel("available")]

    class Meta(Orderable.Meta):
        verbose_name = _("queue member")
        verbose_name_plural = _("queue members")
        constraints = [
            models.UniqueConstraint(fields=["queue", "user"], name="one_membership_per_queue")
        ]

    def __str__(self):
        return f"{self.user} ({self.queue})"


class RoutingRule(Orderable):
    """Sends matching inquiries to a queue, overriding their topic. Every criterion filled in
    must match; the first matching rule in order wins."""

    name = models.CharField(_("name"), max_length=100, help_text=_("What the rule is for."))
    active = models.BooleanField(_("active"), default=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    requester_type = models.CharField(
        _("requester type"), max_length=20, choices=RequesterType.choices, blank=True
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=200,
        blank=True,
        help_text=_(
            "Matches when the message contains one of these words (separated by commas); "
            "case and diacritics do not matter."
        ),
    )
    queue = models.ForeignKey(
        Queue, verbose_name=_("queue"), on_delete=models.PROTECT, related_name="rules"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("region"),
                FieldPanel("requester_type"),
                FieldPanel("keywords"),
            ],
            heading=_("Conditions"),
        ),
        FieldPanel("queue"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self):
        return self.name

    def clean(self):
        if not (self.kind or self.region or self.requester_type or self.keywords.strip()):
            raise ValidationError(_("Fill in at least one condition."))
