"""Personal data: kept no longer than needed, and findable, exportable and erasable per
e-mail address.

Anonymising keeps what the statistics need (reference, dates, topic, queue, status, region,
requester type) and removes what identifies or was written by a person: name, address,
phone, the message, replies, notes and the e-mails stored in the outbox.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from portal.models import OutgoingEmail
from portal.outbox import forget_address

from .models import FINISHED_STATUSES, Inquiry, InquiryMessage, InternalNote, Queue, Status
from .workflow import audit

SPAM_RETENTION_DAYS = 30
ERASED = "—"


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` months earlier (the last day of a shorter month)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def anonymise(inquiry: Inquiry, by=None) -> None:
    with transaction.atomic():
        email_ids = list(inquiry.messages.exclude(email=None).values_list("email_id", flat=True))
        InquiryMessage.objects.filter(inquiry=inquiry).update(body=ERASED, email=None)
        InternalNote.objects.filter(inquiry=inquiry).update(body=ERASED)
        OutgoingEmail.objects.filter(pk__in=email_ids).delete()
        Inquiry.objects.filter(pk=inquiry.pk).update(
            name="",
            email="",
            phone="",
            message=ERASED,
            page_url="",
            client_hash="",
            status_token_hash=None,
            anonymised_at=timezone.now(),
        )
        audit.log(inquiry, audit.ANONYMISED, user=by)
    inquiry.refresh_from_db()


@dataclass
class RetentionResult:
    anonymised: int = 0
    spam_deleted: int = 0


def apply_retention(now: datetime | None = None, dry_run: bool = False) -> RetentionResult:
    """Anonymise inquiries finished longer ago than their queue keeps them; delete suspected
    spam older than 30 days. Run daily (`manage.py contact_retention`)."""
    now = now or timezone.now()
    result = RetentionResult()
    for queue in Queue.objects.all():
        due = Inquiry.objects.filter(
            queue=queue,
            status__in=FINISHED_STATUSES,
            anonymised_at=None,
            finished_at__lt=months_before(now, queue.retention_months),
        )
        for inquiry in due.iterator():
            result.anonymised += 1
            if not dry_run:
                anonymise(inquiry)
    spam = Inquiry.objects.filter(
        status=Status.SPAM, received_at__lt=now - timedelta(days=SPAM_RETENTION_DAYS)
    )
    result.spam_deleted = spam.count()
    if not dry_run:
        with transaction.atomic():
            for inquiry in spam.iterator():
                audit.log(inquiry, audit.SPAM_DELETED)
            spam.delete()
    return result


# One person's data, by e-mail address


def held_about(email: str, user=None):
    """Every inquiry from an address; only the queues the user may see when a user is given."""
    found = Inquiry.objects.for_address(email) if email.strip() else Inquiry.objects.none()
    if user is not None:
        found = found.visible_to(user)
    return found.select_related("topic", "queue", "assignee").order_by("received_at", "pk")


def export(email: str, user=None) -> dict:
    """Everything held about an address, as one JSON-ready document."""
    inquiries = list(held_about(email, user).prefetch_related("messages", "notes"))
    document = {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        "inquiries": [_inquiry_data(inquiry) for inquiry in inquiries],
    }
    for inquiry in inquiries:
        audit.log(inquiry, audit.EXPORTED, user=user)
    return document


def _inquiry_data(inquiry: Inquiry) -> dict:
    return {
        "reference": inquiry.reference,
        "received_at": inquiry.received_at.isoformat(),
        "kind": inquiry.kind,
        "channel": inquiry.channel,
        "status": inquiry.status,
        "topic": inquiry.topic.name if inquiry.topic_id else "",
        "queue": inquiry.queue.name,
        "region": inquiry.region,
        "requester_type": inquiry.requester_type,
        "language": inquiry.language,
        "name": inquiry.name,
        "email": inquiry.email,
        "phone": inquiry.phone,
        "message": inquiry.message,
        "page_url": inquiry.page_url,
        "messages_sent": [
            {
                "sent_at": message.created_at.isoformat(),
                "subject": message.subject,
                "text": message.body,
            }
            for message in inquiry.messages.all()
        ],
        "internal_notes": [
            {"written_at": note.created_at.isoformat(), "text": note.body}
            for note in inquiry.notes.all()
        ],
    }


def erase(email: str, user=None) -> int:
    """Anonymise every inquiry from an address (that the user may see), with the e-mails the
    outbox holds for them, and erase the address from the rest of the outbox; returns how
    many inquiries were anonymised. The e-mails of the address's inquiries in queues the user
    may not see are left to whoever works there."""
    inquiries = list(held_about(email, user).filter(anonymised_at=None))
    with transaction.atomic():
        for inquiry in inquiries:
            anonymise(inquiry, by=user)
        others = InquiryMessage.objects.filter(
            inquiry__in=held_about(email).filter(anonymised_at=None), email__isnull=False
        )
        forget_address(email, purposes=["contact."], keep=others.values_list("email_id", flat=True))
    return len(inquiries)
