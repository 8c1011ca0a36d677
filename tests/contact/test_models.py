"""Rules for the data staff edit: one fallback queue, owners where owners are needed, rules
that say something; the contact page's place in the tree."""

import pytest
from django.core.exceptions import ValidationError

from contact.models import ContactPage, Queue, RoutingRule
from home.pages.home_page import HomePage
from home.pages.models import SectionPage

from .factories import QueueFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_one_queue_is_the_fallback():
    with pytest.raises(ValidationError, match="fallback"):
        Queue(name="Druhá záchytná", is_fallback=True).full_clean()


def test_the_fallback_cannot_be_switched_off_before_another_takes_over():
    fallback = Queue.objects.get(is_fallback=True)
    fallback.is_fallback = False
    with pytest.raises(ValidationError):
        fallback.full_clean()


def test_a_default_owner_queue_needs_its_owner():
    queue = QueueFactory(assignment=Queue.Assignment.DEFAULT_OWNER)
    with pytest.raises(ValidationError):
        queue.full_clean()
    queue.default_owner = UserFactory()
    queue.full_clean()


def test_a_rule_needs_a_condition():
    rule = RoutingRule(name="Vše", queue=QueueFactory())
    with pytest.raises(ValidationError):
        rule.full_clean()
    rule.keywords = "nájem"
    rule.full_clean()


def test_the_contact_page_lives_once_under_the_home_page(home):
    assert ContactPage in HomePage.allowed_subpage_models()
    assert ContactPage.allowed_parent_page_models() == [HomePage]
    assert not ContactPage.allowed_subpage_models()
    assert not ContactPage.can_exist_under(SectionPage())
    assert ContactPage.can_create_at(home)
    from .factories import ContactPageFactory

    ContactPageFactory(parent=home)
    assert not ContactPage.can_create_at(home)
