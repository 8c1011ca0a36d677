"""Where an inquiry goes and who gets it.

Every inquiry lands in exactly one queue: the first active rule that matches, else the queue
of its topic, else the fallback queue (which always exists: it is created if it went away).
"""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from contact.models import InquiryTopic, Queue, RoutingRule
from home.search.analysis import fold

FALLBACK_QUEUE_NAME = "Obecné dotazy"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Enquiry:
    """What routing looks at."""

    kind: str
    message: str
    topic: InquiryTopic | None = None
    region: str = ""
    requester_type: str = ""


@dataclass(frozen=True)
class Decision:
    queue: Queue
    rule: RoutingRule | None
    reason: str  # "rule", "topic" or "fallback"


def route(enquiry: Enquiry) -> Decision:
    words = message_words(enquiry.message)
    rules = RoutingRule.objects.filter(active=True).select_related("queue")
    for rule in rules.order_by("sort_order", "pk"):
        if rule_matches(rule, enquiry, words):
            return Decision(rule.queue, rule, "rule")
    if enquiry.topic is not None:
        return Decision(enquiry.topic.queue, None, "topic")
    return Decision(fallback_queue(), None, "fallback")


def message_words(message: str) -> set[str]:
    return set(_WORD.findall(fold(message)))


def rule_matches(rule: RoutingRule, enquiry: Enquiry, words: set[str] | None = None) -> bool:
    """Every condition the rule sets must hold; a keyword matches the start of any word
    (so "dotac" finds "dotace" and "dotací"), whatever the case and diacritics."""
    if rule.kind and rule.kind != enquiry.kind:
        return False
    if rule.region and rule.region != enquiry.region:
        return False
    if rule.requester_type and rule.requester_type != enquiry.requester_type:
        return False
    keywords = [fold(keyword.strip()) for keyword in rule.keywords.split(",") if keyword.strip()]
    if keywords:
        words = message_words(enquiry.message) if words is None else words
        return any(word.startswith(keyword) for keyword in keywords for word in words)
    return True


def fallback_queue() -> Queue:
    queue = Queue.objects.filter(is_fallback=True).first()
    if queue is None:
        queue, _created = Queue.objects.get_or_create(name=FALLBACK_QUEUE_NAME)
        Queue.objects.filter(pk=queue.pk).update(is_fallback=True)
        queue.is_fallback = True
    return queue


def choose_assignee(queue: Queue):
    """The owner a new inquiry gets from its queue's assignment mode (None: manual)."""
    if queue.assignment == Queue.Assignment.DEFAULT_OWNER:
        owner = queue.default_owner
        return owner if owner is not None and owner.is_active else None
    if queue.assignment == Queue.Assignment.ROUND_ROBIN:
        return _next_in_turn(queue)
    return None


def _next_in_turn(queue: Queue):
    # The queue row is locked so that two inquiries arriving together go to two people.
    locked = Queue.objects.select_for_update().get(pk=queue.pk)
    members = [
        membership.user
        for membership in locked.memberships.filter(available=True, user__is_active=True)
        .select_related("user")
        .order_by("sort_order", "pk")
    ]
    if not members:
        return None
    ids = [member.pk for member in members]
    after = ids.index(locked.last_assigned_id) + 1 if locked.last_assigned_id in ids else 0
    chosen = members[after % len(members)]
    Queue.objects.filter(pk=queue.pk).update(last_assigned=chosen)
    return chosen


def members_of(queue: Queue):
    return (
        get_user_model()
        .objects.filter(queue_memberships__queue=queue, is_active=True)
        .order_by("first_name", "last_name", "username")
        .distinct()
    )
