import datetime

import factory
from django.utils import timezone

from newsletter.models import BulletinIndexPage, BulletinPage, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"odberatel{n}@example.cz")
    language = "cs"
    status = Subscriber.Status.CONFIRMED
    source = Subscriber.Source.FOOTER
    consent_text = "Souhlas"
    consent_at = factory.LazyFunction(timezone.now)
    consent_language = "cs"
    confirmed_at = factory.LazyFunction(timezone.now)


class BulletinIndexPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BulletinIndexPage

    title = "Zpravodaj"
    slug = "zpravodaj"

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class BulletinPageFactory(BulletinIndexPageFactory):
    class Meta:
        model = BulletinPage

    title = factory.Sequence(lambda n: f"Zpravodaj č. {n}")
    slug = factory.Sequence(lambda n: f"zpravodaj-{n}")
    issue_date = datetime.date(2026, 11, 20)
    intro = "<p>Úvod čísla.</p>"
