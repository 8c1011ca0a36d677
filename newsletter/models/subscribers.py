"""Subscribers of the bulletin, their consent, and the ledger of addresses never to mail."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.hashing import keyed_hash


def new_link_secret() -> str:
    return secrets.token_hex(16)


def address_key(email: str) -> str:
    """What makes two spellings of one address the same subscriber."""
    return email.strip().casefold()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        SUPPRESSED = "suppressed", _("suppressed")

    class Source(models.TextChoices):
        FOOTER = "footer", _("footer form")
        PAGE = "page", _("sign-up page")
        ADMIN = "admin", _("added by staff")

    email = models.EmailField(_("e-mail"), max_length=254)
    email_key = models.CharField(max_length=254, unique=True, editable=False)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    topics = models.ManyToManyField(
        "home.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    # Part of every link in the subscriber's e-mails; a new one invalidates old links.
    link_secret = models.CharField(max_length=32, default=new_link_secret, editable=False)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    # Consent evidence: what the person was shown, where, when and in which language.
    consent_text = models.TextField(_("consent wording shown"))
    consent_at = models.DateTimeField(_("consent given"))
    consent_page = models.CharField(_("page signed up on"), max_length=500, blank=True)
    consent_language = models.CharField(_("language of the form"), max_length=10)
    ip_hash = models.CharField(_("hashed IP address"), max_length=64, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    soft_bounces = models.PositiveSmallIntegerField(_("soft bounces"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        permissions = [("export_subscribers", _("Can find, export and erase subscribers"))]
        indexes = [models.Index(fields=["status", "language", "id"], name="subscriber_sendable")]

    def __str__(self):
        # Not the address: this label ends up in the audit log, which outlives erasure.
        return str(_("Subscriber %(number)s") % {"number": self.pk})

    def save(self, *args, **kwargs):
        self.email_key = address_key(self.email)
        super().save(*args, **kwargs)

    def new_link_secret(self):
        self.link_secret = new_link_secret()


class SuppressedAddress(models.Model):
    """Addresses that must never be mailed again, kept only as keyed hashes.

    The ledger outlives the subscriber record: "forget me" deletes the person's data, while a
    complaint or a hard bounce recorded here still stops every future message.
    """

    class Reason(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", _("hard bounce")
        SOFT_BOUNCES = "soft_bounces", _("repeated soft bounces")
        COMPLAINT = "complaint", _("spam complaint")
        STAFF = "staff", _("suppressed by staff")

    address_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.get_reason_display()} ({self.address_hash[:12]}…)"

    @staticmethod
    def hash_of(email: str) -> str:
        return keyed_hash(address_key(email), "newsletter-suppression")

    @classmethod
    def is_suppressed(cls, email: str) -> bool:
        return cls.objects.filter(address_hash=cls.hash_of(email)).exists()
