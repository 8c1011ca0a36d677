"""Factories for the contact centre (factory_boy; the content model's are in tests.factories)."""

import factory
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from contact.models import (
    CannedAnswer,
    ContactPage,
    Inquiry,
    InquiryTopic,
    Queue,
    QueueMembership,
    RoutingRule,
)
from contact.workflow.routing import fallback_queue
from tests import factories
from tests.factories import default_locale


class UserFactory(factories.UserFactory):
    """Someone who may sign in to the Wagtail admin and work the contact centre."""

    @factory.post_generation
    def admin_access(self, create, extracted, **kwargs):
        if create:
            group, _created = Group.objects.get_or_create(name="Kontaktní centrum")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )
            self.groups.add(group)


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Queue
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Fronta {n}")
    mailbox = factory.Sequence(lambda n: f"fronta{n}@socialnibydleni.example")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        for order, user in enumerate(extracted or []):
            QueueMembership.objects.create(queue=self, user=user, sort_order=order)


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    name = factory.Sequence(lambda n: f"Pravidlo {n}")
    queue = factory.SubFactory(QueueFactory)
    sort_order = factory.Sequence(lambda n: n)


class InquiryTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InquiryTopic

    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Téma dotazu {n}")
    queue = factory.SubFactory(QueueFactory)
    sort_order = factory.Sequence(lambda n: n)


class InquiryFactory(factory.django.DjangoModelFactory):
    """A received inquiry as services.receive would leave it (without its e-mails)."""

    class Meta:
        model = Inquiry

    reference = factory.Sequence(lambda n: f"SB-2026-{90000 + n:05d}")
    queue = factory.LazyFunction(fallback_queue)
    email = factory.Sequence(lambda n: f"tazatel{n}@example.cz")
    name = "Jana Dvořáková"
    message = "Jak má obec postupovat při zřízení sociálního bytu?"
    received_at = factory.LazyFunction(timezone.now)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=14))


class CannedAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CannedAnswer

    locale = factory.LazyFunction(default_locale)
    title = factory.Sequence(lambda n: f"Odpověď {n}")
    body = "Dobrý den,\n\nodpověď najdete v článku."


class ContactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContactPage

    title = "Napište nám"
    slug = "napiste-nam"
    intro = "Zeptejte se nás."
