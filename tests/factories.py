"""Factories for the content model (wagtail-factories on factory_boy), with a fixed seed."""

import datetime

import factory
import factory.random
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from home.demo.media import pdf_file
from home.frame.models import ContactCentre, FooterContent
from home.guidance.models import AudienceLandingPage, FaqPage, HelpSignpostPage
from home.help_points.models import HelpPoint, HelpPointDirectoryPage
from home.pages.home_page import HomePage
from home.pages.models import ArticlePage, NewsIndexPage, NewsPage, SectionPage, StandardPage
from home.taxonomy.models import (
    Audience,
    AudienceIndexPage,
    PageAudience,
    PageTopic,
    Topic,
    TopicIndexPage,
)

factory.random.reseed_random("socialni-bydleni")


def default_locale():
    return Locale.get_default()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Téma {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience

    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Cílová skupina {n}")
    slug = factory.Sequence(lambda n: f"skupina-{n}")


class ContactCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactCentre

    locale = factory.LazyFunction(default_locale)
    name = "Kontaktní centrum projektu Podpora sociálního bydlení"
    phone = "+420 800 000 000"
    email = "kontakt@socialnibydleni.example"
    opening_hours = "Po–Pá 9:00–16:00"


class FooterContentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FooterContent

    locale = factory.LazyFunction(default_locale)
    contact_centre = factory.SubFactory(ContactCentreFactory)
    funding_statement = "<p>Webové stránky byly vytvořeny v rámci projektu MPSV.</p>"
    registration_number = "CZ.03.2.63/0.0/0.0/15_017/0003539"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Sociální bydlení"
    slug = factory.Sequence(lambda n: f"domu-{n}")


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = "Metodika"
    slug = factory.Sequence(lambda n: f"metodika-{n}")
    show_in_menus = True


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuality"
    slug = "aktuality"
    show_in_menus = True


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TopicIndexPage

    title = "Témata"
    slug = "temata"


class AudienceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AudienceIndexPage

    title = "Pro koho"
    slug = "pro-koho"


def _published(n):
    return timezone.now() - datetime.timedelta(days=n)


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Článek {n}")
    slug = factory.Sequence(lambda n: f"clanek-{n}")
    summary = factory.Sequence(lambda n: f"Shrnutí článku {n} o sociálním bydlení.")
    first_published_at = factory.Sequence(_published)
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Obec poskytuje byty.</p>"}]
    )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        for order, topic in enumerate(extracted or []):
            PageTopic.objects.create(page=self, topic=topic, locale=self.locale, sort_order=order)

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        for order, audience in enumerate(extracted or []):
            PageAudience.objects.create(
                page=self, audience=audience, locale=self.locale, sort_order=order
            )


class NewsPageFactory(ArticlePageFactory):
    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Aktualita {n}")
    slug = factory.Sequence(lambda n: f"aktualita-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 11, 20) - datetime.timedelta(days=n))


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Stránka {n}")
    slug = factory.Sequence(lambda n: f"stranka-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A staff account, for content owners, reviewers and editors."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pracovnik{n}")
    first_name = factory.Sequence(lambda n: f"Pracovník{n}")
    last_name = "Nováková"
    email = factory.Sequence(lambda n: f"pracovnik{n}@socialnibydleni.example")
    password = factory.django.Password("heslo-pro-testy-123")
    is_staff = True


class AudienceLandingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AudienceLandingPage

    title = "Jsem obec"
    slug = factory.Sequence(lambda n: f"jsem-{n}")
    audience = factory.SubFactory(AudienceFactory)
    intro = "Vše pro obce."


class FaqPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FaqPage

    title = "Časté otázky"
    slug = "caste-otazky"
    questions = factory.LazyFunction(
        lambda: [
            {
                "type": "question",
                "value": {"question": f"Otázka číslo {n}?", "answer": f"<p>Odpověď {n}.</p>"},
            }
            for n in range(1, 4)
        ]
    )


class HelpSignpostPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HelpSignpostPage

    title = "Kam se obrátit"
    slug = "kam-se-obratit"
    situations = factory.LazyFunction(
        lambda: [
            {
                "type": "group",
                "value": {
                    "heading": "Mám bydlení, ale…",
                    "situations": [
                        {
                            "title": "Nemám na nájem",
                            "description": "Peníze nestačí.",
                            "steps": ["Ozvěte se pronajímateli.", "Zajděte na úřad práce."],
                        }
                    ],
                },
            }
        ]
    )


class HelpPointDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HelpPointDirectoryPage

    title = "Kontaktní místa"
    slug = "kontaktni-mista"


class HelpPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpPoint

    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: f"Kontaktní místo {n}")
    kind = "housing"
    region = "ustecky"
    district = "Ústí nad Labem"
    municipality = "Ústí nad Labem"
    street_address = "Velká Hradební 1"
    postal_code = "400 01"
    opening_hours = "Po–Pá 8:00–16:00"
    phone = "+420 800 100 100"
    email = factory.Sequence(lambda n: f"misto{n}@socialnibydleni.example")


class GuidanceDocumentFactory(factory.django.DjangoModelFactory):
    """A PDF of a given number of pages (pages=...), with the library's metadata."""

    class Meta:
        model = "home.GuidanceDocument"
        skip_postgeneration_save = True

    class Params:
        pages = 3

    title = factory.Sequence(lambda n: f"Metodika {n}")
    file = factory.LazyAttribute(lambda o: pdf_file("dokument", o.title, pages=o.pages))
    document_type = "methodology"
    language = "cs"
    year = 2025

    @factory.post_generation
    def size(obj, create, extracted, **kwargs):
        if create and obj.file_size is None:
            obj.file_size = obj.file.size
            obj.save(update_fields=["file_size"])


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "home.GlossaryTerm"

    locale = factory.LazyFunction(default_locale)
    term = factory.Sequence(lambda n: f"pojem {n}")
    slug = factory.Sequence(lambda n: f"pojem-{n}")
    definition = "<p>Vysvětlení pojmu.</p>"


class DocumentLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.DocumentLibraryPage"

    title = "Knihovna dokumentů"
    slug = "dokumenty"


class GlossaryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.GlossaryPage"

    title = "Slovník pojmů"
    slug = "slovnik-pojmu"


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "home.AccessibilityStatementPage"

    title = "Prohlášení o přístupnosti"
    slug = "prohlaseni-o-pristupnosti"
    body_name = "Ministerstvo práce a sociálních věcí"
    website = "https://socialnibydleni.example"
    compliance_status = "partial"
    non_compliance = "<p>Starší dokumenty PDF nemají strukturu.</p>"
    prepared_on = datetime.date(2026, 9, 1)
    feedback = "<p>Napište kontaktnímu centru.</p>"
    contact_email = "pristupnost@socialnibydleni.example"
    contact_phone = "+420 800 000 000"
    enforcement = "<p>Obraťte se na Digitální a informační agenturu.</p>"
    last_reviewed = datetime.date(2026, 10, 1)
    owner_team = "Tým přístupnosti"
