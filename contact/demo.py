"""The contact centre's part of the demo site (portal.demo runs it after the content app's).

Queues, routing rules, topics and canned answers, a privacy notice and the contact page, in
Czech and, through wagtail-localize's own translation records, in English; the footer's
"Napište nám" leads to the contact page. Idempotent: every object is looked up first.
"""

from django.db import transaction
from wagtail.models import Locale

from home.frame.models import FooterContent
from home.pages.models import ArticlePage, StandardPage
from portal.demo_translation import translate_as_translator

from .models import CannedAnswer, ContactPage, InquiryTopic, Kind, Queue, RoutingRule
from .workflow.routing import fallback_queue

MAILBOX = "kontaktni-centrum@socialnibydleni.example"

QUEUES = {
    "methodology": {
        "name": "Metodická podpora",
        "mailbox": "metodika@socialnibydleni.example",
        "assignment": Queue.Assignment.ROUND_ROBIN,
        "response_days": 10,
    },
    "website": {
        "name": "Obsah webu",
        "mailbox": "web@socialnibydleni.example",
        "assignment": Queue.Assignment.MANUAL,
        "response_days": 15,
    },
}

# (name, hint, queue key; None is the fallback queue)
TOPICS = [
    (
        "Sociální bydlení v obci",
        "Koncepce, pravidla pro přidělování bytů, spolupráce s neziskovými organizacemi.",
        "methodology",
    ),
    ("Financování a dotace", "Z čeho sociální bydlení financovat a jak žádat.", "methodology"),
    ("Bytová nouze", "Hledáte pomoc pro sebe nebo své blízké.", None),
    ("Jiný dotaz", "", None),
]

RULES = [
    {"name": "Připomínky k obsahu webu", "kind": Kind.FEEDBACK, "queue": "website"},
    {"name": "Dotazy na financování", "keywords": "dotac, grant, financ", "queue": "methodology"},
]

PRIVACY_PAGE = {
    "slug": "ochrana-osobnich-udaju",
    "title": "Ochrana osobních údajů",
    "body": "Údaje, které nám pošlete, použijeme jen k odpovědi na váš dotaz. Uzavřené dotazy "
    "po uplynutí lhůty anonymizujeme. Tento text je ukázkový.",
}

CONTACT_PAGE = {
    "slug": "napiste-nam",
    "title": "Napište nám",
    "intro": "Zeptejte se Kontaktního centra na cokoli o sociálním bydlení. Odpovíme e-mailem.",
    "feedback_intro": "Našli jste na webu chybu nebo zastaralou informaci? Dejte nám vědět.",
}

CANNED_ANSWER = {
    "title": "Odkaz na metodiku spolupráce",
    "body": "Dobrý den,\n\nděkujeme za dotaz. Odpověď najdete v našem článku o spolupráci obcí "
    "a nestátních neziskových organizací.\n\nS pozdravem\nKontaktní centrum",
}

ENGLISH = {
    "Sociální bydlení v obci": "Social housing in a municipality",
    "Koncepce, pravidla pro přidělování bytů, spolupráce s neziskovými organizacemi.": (
        "Strategies, rules for allocating flats, working with non-profit organisations."
    ),
    "Financování a dotace": "Funding and grants",
    "Z čeho sociální bydlení financovat a jak žádat.": (
        "How to fund social housing and how to apply."
    ),
    "Bytová nouze": "Housing need",
    "Hledáte pomoc pro sebe nebo své blízké.": "You are looking for help for yourself or others.",
    "Jiný dotaz": "Something else",
    "Ochrana osobních údajů": "Privacy notice",
    "ochrana-osobnich-udaju": "privacy-notice",
    PRIVACY_PAGE["body"]: (
        "We use what you send us only to answer your inquiry. Finished inquiries are "
        "anonymised after a set period. This text is a demo."
    ),
    "Napište nám": "Write to us",
    "napiste-nam": "write-to-us",
    CONTACT_PAGE["intro"]: (
        "Ask the contact centre anything about social housing. We answer by e-mail."
    ),
    CONTACT_PAGE["feedback_intro"]: (
        "Found a mistake or out-of-date information on the website? Let us know."
    ),
    "Odkaz na metodiku spolupráce": "Link to the cooperation guidance",
    CANNED_ANSWER["body"]: (
        "Hello,\n\nthank you for your question. You will find the answer in our article on "
        "cooperation between municipalities and non-profit organisations.\n\n"
        "Kind regards\nThe contact centre"
    ),
}


def build_contact_demo(home, log=print) -> list[str]:
    created: list[str] = []

    def note(was_created, what):
        if was_created:
            created.append(what)
            log(f"  created {what}")

    with transaction.atomic():
        locale = home.locale
        queues = _queues(note)
        _rules(queues, note)
        topics = [_topic(locale, order, spec, queues, note) for order, spec in enumerate(TOPICS)]
        answer = _canned_answer(locale, home, note)
        privacy = _privacy_page(home, note)
        contact = _contact_page(home, privacy, note)
        english = Locale.objects.get(language_code="en")
        for obj in [*topics, answer, privacy, contact]:
            if _translate(obj, english):
                note(True, f"English translation of {obj}")
        _point_footers_at(contact)
    return created


def _queues(note) -> dict[str, Queue]:
    queues = {}
    for key, spec in QUEUES.items():
        queue, was_created = Queue.objects.get_or_create(name=spec["name"], defaults=spec)
        note(was_created, f"queue {queue}")
        queues[key] = queue
    fallback = fallback_queue()
    if not fallback.mailbox:
        fallback.mailbox = MAILBOX
        fallback.save(update_fields=["mailbox"])
    queues[None] = fallback
    return queues


def _rules(queues, note):
    for order, spec in enumerate(RULES):
        fields = {key: value for key, value in spec.items() if key not in ("name", "queue")}
        _rule, was_created = RoutingRule.objects.get_or_create(
            name=spec["name"],
            defaults={"queue": queues[spec["queue"]], "sort_order": order, **fields},
        )
        note(was_created, f"routing rule {spec['name']}")


def _topic(locale, order, spec, queues, note):
    name, hint, queue_key = spec
    topic, was_created = InquiryTopic.objects.get_or_create(
        locale=locale,
        name=name,
        defaults={"description": hint, "queue": queues[queue_key], "sort_order": order},
    )
    note(was_created, f"inquiry topic {name}")
    return topic


def _canned_answer(locale, home, note):
    article = ArticlePage.objects.descendant_of(home).filter(locale=locale).first()
    links = [{"type": "page", "value": article.pk}] if article else []
    answer, was_created = CannedAnswer.objects.get_or_create(
        locale=locale,
        title=CANNED_ANSWER["title"],
        defaults={"body": CANNED_ANSWER["body"], "links": links},
    )
    note(was_created, "canned answer")
    return answer


def _privacy_page(home, note):
    existing = StandardPage.objects.child_of(home).filter(slug=PRIVACY_PAGE["slug"]).first()
    if existing:
        return existing
    page = StandardPage(
        slug=PRIVACY_PAGE["slug"],
        title=PRIVACY_PAGE["title"],
        locale=home.locale,
        body=[{"type": "paragraph", "value": f"<p>{PRIVACY_PAGE['body']}</p>"}],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    note(True, "privacy notice page")
    return page


def _contact_page(home, privacy, note):
    existing = ContactPage.objects.child_of(home).first()
    if existing:
        return existing
    page = ContactPage(locale=home.locale, privacy_page=privacy, **CONTACT_PAGE)
    home.add_child(instance=page)
    page.save_revision().publish()
    note(True, "contact page")
    return page


def _translate(obj, locale) -> bool:
    """Translate through wagtail-localize's records, as a translator would."""
    translated = obj.get_translation_or_none(locale)
    if translated is not None and not getattr(translated, "alias_of_id", None):
        return False
    translate_as_translator(obj, locale, _english)
    return True


def _english(czech: str) -> str:
    # wagtail-localize hands over multi-line text with <br/> for its line breaks.
    return ENGLISH[czech.replace("<br/>", "\n")].replace("\n", "<br/>")


def _point_footers_at(contact):
    """ "Napište nám" in every language leads to that language's contact page."""
    for footer in FooterContent.objects.select_related("locale"):
        target = contact.get_translation_or_none(footer.locale) or contact
        if footer.write_to_us_page_id != target.pk:
            footer.write_to_us_page = target
            footer.save(update_fields=["write_to_us_page"])
