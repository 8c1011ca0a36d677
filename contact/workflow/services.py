"""What happens to an inquiry, whichever door it comes through: the web form, the admin, a
management command. Each action runs in one transaction and leaves an audit log entry.

An inquiry is saved together with its routing, reference and outgoing e-mails; the e-mails
leave only after the transaction commits (portal.outbox), so a mail outage delays them but
never loses the inquiry or its acknowledgement.
"""

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name

from contact.models import (
    FINISHED_STATUSES,
    ArticleSuggestion,
    Channel,
    Inquiry,
    InquiryTopic,
    InternalNote,
    Queue,
    Status,
    allowed_next,
)
from portal.hashing import keyed_hash

from . import audit, deadlines, notifications, routing
from .references import next_reference

MAX_TOKEN_LENGTH = 100


@dataclass(frozen=True)
class NewInquiry:
    """Everything the contact centre is told when an inquiry arrives."""

    kind: str
    message: str
    language: str
    channel: str = Channel.WEB
    email: str = ""
    name: str = ""
    phone: str = ""
    topic: InquiryTopic | None = None
    region: str = ""
    requester_type: str = ""
    page_id: int | None = None
    page_url: str = ""
    visit: str = ""
    client_ip: str = ""
    spam_reasons: tuple[str, ...] = field(default_factory=tuple)
    logged_by: object = None
    acknowledge: bool = True
    received_at: datetime | None = None


@dataclass(frozen=True)
class Received:
    inquiry: Inquiry
    # The secret of the status link, known only now (the database keeps a keyed hash).
    # None for suspected spam, which gets no reference, no link and no e-mail.
    token: str | None


def token_hash(token: str) -> str:
    return keyed_hash(token, "contact-status")


def find_by_token(token: str) -> Inquiry | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    found = Inquiry.objects.select_related("topic", "queue").filter(
        status_token_hash=token_hash(token)
    )
    return found.first()


def receive(new: NewInquiry) -> Received:
    """File an inquiry: route it, number it, date it, assign it, acknowledge it, tell the
    queue. Suspected spam is filed too, and nobody is told."""
    received_at = new.received_at or timezone.now()
    with transaction.atomic():
        decision = routing.route(
            routing.Enquiry(
                kind=new.kind,
                message=new.message,
                topic=new.topic,
                region=new.region,
                requester_type=new.requester_type,
            )
        )
        inquiry = Inquiry(
            kind=new.kind,
            channel=new.channel,
            topic=new.topic,
            queue=decision.queue,
            routed_by=decision.rule,
            region=new.region,
            requester_type=new.requester_type,
            name=new.name,
            email=new.email,
            phone=new.phone,
            message=new.message,
            page_id=new.page_id,
            page_url=new.page_url,
            language=new.language,
            received_at=received_at,
            client_hash=keyed_hash(new.client_ip, "contact-ip") if new.client_ip else "",
            logged_by=new.logged_by,
        )
        if new.spam_reasons:
            inquiry.status = Status.SPAM
            inquiry.spam_reasons = list(new.spam_reasons)
            inquiry.save()
            _link_suggestions(new.visit, inquiry)
            audit.log(inquiry, audit.SUSPECTED_SPAM, reasons=inquiry.spam_reasons)
            return Received(inquiry, None)
        token = _open(inquiry, received_at)
        inquiry.save()
        _link_suggestions(new.visit, inquiry)
        action = audit.LOGGED if new.logged_by else audit.RECEIVED
        rule_name = decision.rule.name if decision.rule else ""
        audit.log(inquiry, action, user=new.logged_by, queue=inquiry.queue.name, rule=rule_name)
        _announce(inquiry, token, acknowledge=new.acknowledge)
    return Received(inquiry, token)


def _open(inquiry: Inquiry, when: datetime) -> str:
    """Give a real inquiry its reference, due date, owner and status link."""
    received_on = timezone.localtime(when).date()
    inquiry.reference = next_reference(received_on.year)
    inquiry.due_date = deadlines.due_date(received_on, inquiry.queue.response_days)
    inquiry.assignee = routing.choose_assignee(inquiry.queue)
    token = secrets.token_urlsafe(24)
    inquiry.status_token_hash = token_hash(token)
    return token


def _announce(inquiry: Inquiry, token: str, acknowledge: bool = True) -> None:
    if inquiry.assignee_id:
        audit.log(inquiry, audit.ASSIGNED, assignee=get_user_display_name(inquiry.assignee))
    if acknowledge and inquiry.email:
        notifications.acknowledge(inquiry, token)
    notifications.notify_queue(inquiry)


def _link_suggestions(visit: str, inquiry: Inquiry) -> None:
    if visit:
        ArticleSuggestion.objects.filter(visit=visit, inquiry=None).update(inquiry=inquiry)


def _locked(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().select_related("queue").get(pk=inquiry.pk)


# Staff actions


def assign(inquiry: Inquiry, assignee, by) -> Inquiry:
    with transaction.atomic():
        inquiry = _locked(inquiry)
        if assignee is not None and not routing.members_of(inquiry.queue).filter(pk=assignee.pk):
            raise ValidationError(_("Only a member of the inquiry's queue can be assigned."))
        if inquiry.assignee_id == getattr(assignee, "pk", None):
            return inquiry
        inquiry.assignee = assignee
        inquiry.save(update_fields=["assignee"])
        audit.log(inquiry, audit.ASSIGNED, user=by, assignee=get_user_display_name(assignee))
    return inquiry


def move(inquiry: Inquiry, queue: Queue, by) -> Inquiry:
    """Send an inquiry to another queue; its owner stays only if they belong there too."""
    with transaction.atomic():
        inquiry = _locked(inquiry)
        old = inquiry.queue
        if old.pk == queue.pk:
            return inquiry
        inquiry.queue = queue
        if inquiry.assignee_id and not routing.members_of(queue).filter(pk=inquiry.assignee_id):
            inquiry.assignee = None
        inquiry.save(update_fields=["queue", "assignee"])
        audit.log(inquiry, audit.MOVED, user=by, old=old.name, new=queue.name)
    return inquiry


def change_status(inquiry: Inquiry, status: str, by, today=None) -> Inquiry:
    """Move an inquiry along the workflow. Waiting for the requester stops the clock;
    reopening a finished inquiry gives it a new due date; a message released from the spam
    view is numbered, acknowledged and announced as if it had just arrived."""
    today = today or timezone.localdate()
    with transaction.atomic():
        inquiry = _locked(inquiry)
        old = inquiry.status
        if status == old:
            return inquiry
        if status not in allowed_next(old):
            raise ValidationError(
                _("An inquiry that is “%(old)s” cannot become “%(new)s”.")
                % {"old": Status(old).label, "new": Status(status).label}
            )
        if old == Status.WAITING and inquiry.paused_on and inquiry.due_date:
            inquiry.due_date = deadlines.resumed_due_date(
                inquiry.due_date, inquiry.paused_on, today
            )
        inquiry.paused_on = today if status == Status.WAITING else None
        if status in FINISHED_STATUSES:
            inquiry.finished_at = inquiry.finished_at or timezone.now()
        else:
            if old in FINISHED_STATUSES:
                inquiry.due_date = deadlines.due_date(today, inquiry.queue.response_days)
            inquiry.finished_at = None
        inquiry.status = status
        token = _open(inquiry, timezone.now()) if old == Status.SPAM else None
        inquiry.save()
        audit.log(inquiry, audit.STATUS_CHANGED, user=by, old=old, new=status)
        if token:
            _announce(inquiry, token)
    return inquiry


def add_note(inquiry: Inquiry, body: str, by) -> InternalNote:
    with transaction.atomic():
        note = InternalNote.objects.create(inquiry=inquiry, author=by, body=body)
        audit.log(inquiry, audit.NOTE_ADDED, user=by)
    return note


def reply(inquiry: Inquiry, body: str, by, then: str = Status.ANSWERED):
    """E-mail the requester in their language, with the reference in the subject; then the
    inquiry is answered, or waits for the requester when the reply asked them something."""
    if not inquiry.email:
        raise ValidationError(_("The requester left no e-mail address to reply to."))
    if inquiry.status == Status.SPAM:
        raise ValidationError(_("Release the inquiry from spam before replying."))
    with transaction.atomic():
        inquiry = _locked(inquiry)
        message = notifications.send_reply(inquiry, body, by)
        audit.log(inquiry, audit.REPLIED, user=by)
        if then and then != inquiry.status and then in allowed_next(inquiry.status):
            inquiry = change_status(inquiry, then, by)
    return message
