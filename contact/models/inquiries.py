"""An inquiry and its thread: the requester's message, what we sent them, staff notes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    OPEN_STATUSES,
    PUBLIC_STATUS,
    Channel,
    Kind,
    Region,
    RequesterType,
    Status,
)
from .queues import Queue, RoutingRule
from .topics import InquiryTopic

MAX_MESSAGE_LENGTH = 3000
# The due date runs in these; waiting for the requester pauses it.
CLOCK_RUNNING = (Status.NEW, Status.IN_PROGRESS)


def is_open() -> models.Q:
    return models.Q(status__in=OPEN_STATUSES)


def is_overdue(today) -> models.Q:
    return models.Q(status__in=CLOCK_RUNNING, due_date__lt=today)


class InquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(queue__in=Queue.objects.visible_to(user))

    def open(self):
        return self.filter(is_open())

    def overdue(self, today=None):
        return self.filter(is_overdue(today or timezone.localdate()))

    def for_address(self, email: str):
        return self.filter(email__iexact=email.strip())


class Inquiry(models.Model):
    # SB-2026-00042: unique and sequential per year. Suspected spam has none.
    reference = models.CharField(
        _("reference"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    channel = models.CharField(
        _("received by"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    topic = models.ForeignKey(
        InquiryTopic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    queue = models.ForeignKey(
        Queue, verbose_name=_("queue"), on_delete=models.PROTECT, related_name="inquiries"
    )
    routed_by = models.ForeignKey(
        RoutingRule,
        verbose_name=_("routing rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    requester_type = models.CharField(
        _("requester type"), max_length=20, choices=RequesterType.choices, blank=True
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    message = models.TextField(_("message"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page the feedback is about"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_url = models.CharField(_("address of the page"), max_length=500, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("answer due"), null=True, blank=True)
    paused_on = models.DateField(_("waiting since"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True, editable=False)
    # A keyed hash of the status link's secret, so that listings, exports and the reference
    # never carry the secret (the acknowledgement e-mail holds the link until anonymised).
    status_token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    spam_reasons = models.JSONField(_("why it looked automated"), default=list, blank=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["queue", "status"], name="inquiry_queue_status"),
            models.Index(fields=["status", "due_date"], name="inquiry_status_due"),
        ]

    def __str__(self):
        if self.reference:
            return self.reference
        return str(_("Suspected spam #%(id)s") % {"id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status in CLOCK_RUNNING and self.due_date is not None and self.due_date < today

    is_overdue.boolean = True
    is_overdue.short_description = _("overdue")

    @property
    def public_status(self) -> str:
        return PUBLIC_STATUS[self.status]

    @property
    def subject(self) -> str:
        """A short line for listings: the topic, or what kind of message it is."""
        if self.topic_id:
            return self.topic.name
        return self.get_kind_display()


class InquiryMessage(models.Model):
    """Something we sent the requester: the acknowledgement or a reply."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("acknowledgement")
        REPLY = "reply", _("reply")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    # The outbox row says whether it has gone out yet (a mail outage only delays it).
    email = models.ForeignKey(
        "portal.OutgoingEmail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("message to the requester")
        verbose_name_plural = _("messages to the requester")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.subject


class InternalNote(models.Model):
    """What staff tell each other about an inquiry; the requester never sees it."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class ReferenceCounter(models.Model):
    """The last reference number given out in a year (one row per year, locked to count)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")

    def __str__(self):
        return f"{self.year}: {self.last_number}"
