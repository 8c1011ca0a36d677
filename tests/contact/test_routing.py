"""Every inquiry lands in exactly one queue: first matching rule, else its topic, else the
fallback; and each queue hands new inquiries out as it is set to."""

import pytest

from contact.models import Kind, Queue, Region, RequesterType
from contact.workflow.routing import Enquiry, choose_assignee, fallback_queue, route

from .factories import InquiryTopicFactory, QueueFactory, RoutingRuleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queues():
    return {name: QueueFactory(name=name) for name in ("topic", "feedback", "praha", "money")}


@pytest.fixture
def rules(queues):
    """In order: feedback first, then Prague municipalities, then money questions."""
    return [
        RoutingRuleFactory(name="Připomínky", kind=Kind.FEEDBACK, queue=queues["feedback"]),
        RoutingRuleFactory(
            name="Pražské obce",
            region=Region.PRAGUE,
            requester_type=RequesterType.MUNICIPALITY,
            queue=queues["praha"],
        ),
        RoutingRuleFactory(name="Peníze", keywords="dotac, grant", queue=queues["money"]),
    ]


def enquiry(topic=None, **fields):
    defaults = {"kind": Kind.QUESTION, "message": "Jak zřídit sociální byt?", "topic": topic}
    return Enquiry(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("fields", "expected_queue", "expected_rule"),
    [
        ({}, "topic", None),
        ({"kind": Kind.FEEDBACK}, "feedback", "Připomínky"),
        # Feedback about money still goes to the feedback queue: the first rule wins.
        ({"kind": Kind.FEEDBACK, "message": "Chybí dotace"}, "feedback", "Připomínky"),
        (
            {"region": Region.PRAGUE, "requester_type": RequesterType.MUNICIPALITY},
            "praha",
            "Pražské obce",
        ),
        # Every condition of a rule must hold.
        ({"region": Region.PRAGUE, "requester_type": RequesterType.NGO}, "topic", None),
        ({"region": Region.ZLIN, "requester_type": RequesterType.MUNICIPALITY}, "topic", None),
        # Keywords match the start of a word, whatever the case and diacritics.
        ({"message": "Jaké DOTACE jsou k dispozici?"}, "money", "Peníze"),
        ({"message": "Z jaké dotací čerpat"}, "money", "Peníze"),
        ({"message": "Granty pro neziskovky"}, "money", "Peníze"),
        ({"message": "Nedotace"}, "topic", None),
    ],
)
def test_the_first_matching_rule_overrides_the_topic(
    queues, rules, fields, expected_queue, expected_rule
):
    topic = InquiryTopicFactory(queue=queues["topic"])
    decision = route(enquiry(topic, **fields))
    assert decision.queue == queues[expected_queue]
    assert (decision.rule.name if decision.rule else None) == expected_rule
    assert decision.reason == ("rule" if expected_rule else "topic")


def test_inactive_rules_are_skipped(queues, rules):
    rules[0].active = False
    rules[0].save()
    topic = InquiryTopicFactory(queue=queues["topic"])
    assert route(enquiry(topic, kind=Kind.FEEDBACK)).queue == queues["topic"]


def test_rule_order_is_the_editors_order(queues, rules):
    rules[2].sort_order = -1  # money before feedback
    rules[2].save()
    decision = route(enquiry(kind=Kind.FEEDBACK, message="dotace"))
    assert decision.rule == rules[2]


@pytest.mark.parametrize("with_rules", [False, True])
def test_without_topic_or_matching_rule_the_fallback_queue_takes_it(queues, rules, with_rules):
    if not with_rules:
        for rule in rules:
            rule.delete()
    decision = route(enquiry(message="Obecný dotaz"))
    assert decision.queue.is_fallback
    assert decision.reason == "fallback"


def test_the_fallback_queue_exists_from_the_first_migration():
    assert Queue.objects.filter(is_fallback=True).count() == 1


def test_the_fallback_queue_comes_back_when_someone_removed_it():
    Queue.objects.filter(is_fallback=True).update(is_fallback=False)
    queue = fallback_queue()
    assert queue.is_fallback
    assert Queue.objects.filter(is_fallback=True).count() == 1
    assert route(enquiry()).queue == queue


def test_manual_queues_assign_nobody():
    queue = QueueFactory(assignment=Queue.Assignment.MANUAL, members=[UserFactory()])
    assert choose_assignee(queue) is None


def test_default_owner_gets_everything_while_active():
    owner = UserFactory()
    queue = QueueFactory(
        assignment=Queue.Assignment.DEFAULT_OWNER, default_owner=owner, members=[owner]
    )
    assert [choose_assignee(queue) for _ in range(3)] == [owner, owner, owner]
    owner.is_active = False
    owner.save()
    assert choose_assignee(queue) is None


def test_round_robin_takes_turns_among_available_members():
    jana, petr, away = UserFactory(), UserFactory(), UserFactory()
    queue = QueueFactory(assignment=Queue.Assignment.ROUND_ROBIN, members=[jana, away, petr])
    queue.memberships.filter(user=away).update(available=False)
    turns = [choose_assignee(queue) for _ in range(5)]
    assert turns == [jana, petr, jana, petr, jana]


def test_round_robin_with_nobody_available_leaves_it_unassigned():
    queue = QueueFactory(assignment=Queue.Assignment.ROUND_ROBIN)
    assert choose_assignee(queue) is None
