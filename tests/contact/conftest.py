import pytest
from django.core.cache import cache
from wagtail.models import Locale

from tests import factories as content

from . import factories


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_page(home):
    return factories.ContactPageFactory(parent=home)


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def translate_page(page, locale, **fields):
    """A real translation (Wagtail's copy for translation), published."""
    translated = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    return translated.__class__.objects.get(pk=translated.pk)


def translate_snippet(obj, locale, **fields):
    translated = obj.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


@pytest.fixture
def english_contact_page(home, contact_page, english):
    """The contact page in English, under the English home page."""
    translate_page(home, english, title="Social housing", slug="social-housing")
    return translate_page(contact_page, english, title="Write to us", slug="write-to-us")


@pytest.fixture
def staff(db):
    return factories.UserFactory()


@pytest.fixture
def queue(staff):
    return factories.QueueFactory(name="Metodická podpora", members=[staff])


@pytest.fixture
def topic(queue):
    return factories.InquiryTopicFactory(name="Sociální bydlení v obci", queue=queue)


@pytest.fixture
def footer_with_contact_centre(db):
    return content.FooterContentFactory()
