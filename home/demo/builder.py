"""Builds the demo site idempotently: every object is looked up by a natural key first."""

from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.demo import content, guidance, seed
from home.demo.editorial import build_editorial_demo
from home.demo.guidance_docs import build_guidance_docs
from home.demo.media import listing_image_file, pdf_file
from home.demo.translate import translate_demo_site
from home.frame.models import ContactCentre, FooterContent, SiteNotice
from home.pages.blocks import in_block_format
from home.pages.home_page import HomePage
from home.pages.models import (
    ArticlePage,
    NewsIndexPage,
    NewsPage,
    RelatedPage,
    SectionPage,
    StandardPage,
)
from home.search.demo import build_search_demo
from home.taxonomy.models import (
    Audience,
    AudienceIndexPage,
    PageAudience,
    PageTopic,
    Topic,
    TopicIndexPage,
)


class DemoBuilder:
    def __init__(self, log=print):
        self.log = log
        self.created: list[str] = []
        # The Czech pages and snippets this builder made (or found by their natural key):
        # the only ones it translates, never one an editor made or retitled since.
        self.own: list = []

    def build(self) -> list[str]:
        with transaction.atomic():
            self.locale = Locale.get_default()
            self.topics = self._terms(Topic, content.TOPICS)
            self.audiences = self._terms(Audience, content.AUDIENCES)
            self.contact = self._contact_centre()
            self.owner = self._methodologist()
            self.home = self._home()
            section = self._section(content.SECTIONS[0])
            for spec in content.ARTICLES:
                self._article(section, spec)
            self._seed_article(section)
            self._news()
            self._indexes()
            guidance.build(self)
            pages = {spec["slug"]: self._standard_page(spec) for spec in content.STANDARD_PAGES}
            self._footer(write_to_us=pages["kontakt"])
            self._notice()
            build_guidance_docs(self)
            translated = translate_demo_site(self.own, log=self.log)
            self.created.extend(["English translation"] * translated)
            self.created += build_editorial_demo(self.home, self.owner, log=self.log)
            self.created += build_search_demo(log=self.log)
        return self.created

    def _methodologist(self):
        """The demo articles' content owner: a staff account that cannot sign in until an
        administrator gives it a password, so the demo ships no known credentials."""
        user, created = get_user_model().objects.get_or_create(
            username=content.METHODOLOGIST["username"],
            defaults={**content.METHODOLOGIST, "is_staff": True},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        self.note_created(created, f"content owner {user.username}")
        return user

    # Snippets

    def _terms(self, model, rows):
        terms = {}
        for order, (slug, name, description) in enumerate(rows):
            term, created = model.objects.get_or_create(
                locale=self.locale,
                slug=slug,
                defaults={"name": name, "description": description, "sort_order": order},
            )
            self.note_created(created, f"{model._meta.verbose_name} {name}")
            terms[slug] = self.keep(term)
        return terms

    def _contact_centre(self):
        contact, created = ContactCentre.objects.get_or_create(
            locale=self.locale,
            name=seed.CONTACT_CENTRE_NAME,
            defaults={"notice": seed.CONTACT_CENTRE_NOTICE, **content.CONTACT_CENTRE},
        )
        self.note_created(created, "contact centre")
        return self.keep(contact)

    def _footer(self, write_to_us):
        footer, created = FooterContent.objects.get_or_create(
            locale=self.locale,
            defaults={
                "newsletter_heading": seed.NEWSLETTER_HEADING,
                "contact_centre": self.contact,
                "help_prompt": seed.HELP_PROMPT,
                "feedback_prompt": seed.FEEDBACK_PROMPT,
                "write_to_us_label": seed.WRITE_TO_US,
                "write_to_us_page": write_to_us,
                "funding_statement": seed.FUNDING_STATEMENT,
                "registration_number": seed.REGISTRATION_NUMBER,
                "social_links": [
                    {
                        "type": "link",
                        "value": {"label": seed.SOCIAL_LABEL, "url": content.SOCIAL_URL},
                    }
                ],
            },
        )
        self.keep(footer)
        self.note_created(created, "footer")

    def _notice(self):
        notice, created = SiteNotice.objects.get_or_create(
            locale=self.locale,
            title=content.NOTICE["title"],
            defaults={"message": content.NOTICE["message"], "active": True},
        )
        self.keep(notice)
        self.note_created(created, "site notice")

    # Pages

    def _home(self):
        home = HomePage.objects.filter(locale=self.locale).first()
        if home is not None:
            return self.keep(home)
        root = Page.get_first_root_node()
        home = HomePage(locale=self.locale, **content.HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        previous_root = site.root_page if site.pk else None
        # The site's address is the one absolute links (sitemap, feeds) are built from.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.site_name = content.HOME["title"]
        site.save()
        # Wagtail's own "Welcome" placeholder page is replaced, never anything an editor made.
        if (
            previous_root is not None
            and previous_root.specific_class is Page
            and not previous_root.get_children().exists()
        ):
            previous_root.delete()
        self.note_created(True, "home page")
        return self.keep(home)

    def _indexes(self):
        self.child_page(self.home, TopicIndexPage, show_in_menus=True, **content.TOPIC_INDEX)
        self.child_page(self.home, AudienceIndexPage, show_in_menus=True, **content.AUDIENCE_INDEX)

    def _section(self, spec):
        return self.child_page(self.home, SectionPage, show_in_menus=True, **spec)

    def _article(self, section, spec):
        document = self._document(*spec["document"]) if "document" in spec else None
        body = []
        for block_type, value in spec["body"]:
            if block_type == "document":
                value = {**value, "document": document.pk}
            if block_type == "contact_box":
                value = {**value, "contact": self.contact.pk}
            if block_type == "image":
                value = {**value, "image": self._image(*value["image"]).pk}
            body.append({"type": block_type, "value": value})
        return self.child_page(
            section,
            ArticlePage,
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=body,
            listing_image=self._image(*spec["image"]),
            taxonomy=(spec["topics"], spec["audiences"]),
            published=spec["published"],
            **self.review_fields(spec["published"], spec.get("reviewed")),
        )

    def review_fields(self, published, reviewed=None):
        """Demo articles were last reviewed when published, unless their spec says otherwise."""
        return {
            "content_owner": self.owner,
            "owner_team": content.OWNER_TEAM,
            "last_reviewed": reviewed or published,
            "next_review_due": (reviewed or published)
            + timedelta(days=settings.REVIEW_INTERVAL_DAYS),
        }

    def _seed_article(self, section):
        spec = content.SEED_ARTICLE
        body = []
        for heading, paragraph in seed.SECTIONS:
            body.append({"type": "heading", "value": {"heading": heading, "level": "h2"}})
            body.append({"type": "paragraph", "value": f"<p>{escape(paragraph)}</p>"})
        body.append({"type": "contact_box", "value": {"heading": "", "contact": self.contact.pk}})
        related = [ArticlePage.objects.child_of(section).get(slug=slug) for slug in spec["related"]]
        return self.child_page(
            section,
            ArticlePage,
            slug=seed.SLUG,
            title=seed.TITLE,
            summary=seed.SUMMARY,
            body=body,
            listing_image=self._image(*spec["image"]),
            taxonomy=(spec["topics"], spec["audiences"]),
            related=related,
            published=spec["published"],
            **self.review_fields(spec["published"]),
        )

    def _news(self):
        index = self.child_page(self.home, NewsIndexPage, show_in_menus=True, **content.NEWS_INDEX)
        for spec in content.NEWS:
            self.child_page(
                index,
                NewsPage,
                slug=spec["slug"],
                title=spec["title"],
                date=spec["date"],
                summary=spec["summary"],
                body=[{"type": "paragraph", "value": f"<p>{escape(spec['summary'])}</p>"}],
                taxonomy=(spec["topics"], spec["audiences"]),
                published=spec["date"],
            )

    def _standard_page(self, spec):
        body = [
            {"type": kind, "value": {**value, "contact": self.contact.pk}}
            if kind == "contact_box"
            else {"type": kind, "value": value}
            for kind, value in spec["body"]
        ]
        return self.child_page(
            self.home,
            StandardPage,
            slug=spec["slug"],
            title=spec["title"],
            body=body,
            show_in_menus=spec["menu"],
        )

    def child_page(self, parent, model, slug, taxonomy=None, related=(), published=None, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return self.keep(existing)
        # Lists in Wagtail's block format (with ids), or wagtail-localize would leave the FAQ
        # questions and signpost steps out of the English pages (in_block_format).
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and isinstance(fields.get(field.name), list):
                fields[field.name] = in_block_format(field.stream_block, fields[field.name])
        page = model(slug=slug, locale=self.locale, **fields)
        if taxonomy:
            topic_slugs, audience_slugs = taxonomy
            page.page_topics = [
                PageTopic(topic=self.topics[slug], locale=self.locale, sort_order=order)
                for order, slug in enumerate(topic_slugs)
            ]
            page.page_audiences = [
                PageAudience(audience=self.audiences[slug], locale=self.locale, sort_order=order)
                for order, slug in enumerate(audience_slugs)
            ]
        page.related_pages = [
            RelatedPage(page=other, sort_order=order) for order, other in enumerate(related)
        ]
        parent.add_child(instance=page)
        page.save_revision().publish()
        if published is not None:
            moment = timezone.make_aware(datetime.combine(published, time(9, 0)))
            model.objects.filter(pk=page.pk).update(
                first_published_at=moment, last_published_at=moment
            )
            page.refresh_from_db()
        self.note_created(True, f"{model._meta.verbose_name} {page.title}")
        return self.keep(page)

    # Media

    def _image(self, name, colour):
        image_model = get_image_model()
        title = f"Ilustrace: {name}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title, file=listing_image_file(name, colour))
            image.save()
            self.note_created(True, f"image {title}")
        return image

    def _document(self, title, name):
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).first()
        if document is None:
            file = pdf_file(name, title)
            document = document_model(title=title, file=file, file_size=file.size)
            document.save()
            self.note_created(True, f"document {title}")
        return document

    def keep(self, obj):
        self.own.append(obj)
        return obj

    def note_created(self, created, what):
        if created:
            self.created.append(what)
            self.log(f"  created {what}")
