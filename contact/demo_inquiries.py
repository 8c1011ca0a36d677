"""Demo inquiries, so that the contact centre's queue and the editors' charts (inquiries by
topic and by status) have something to show.

They are filed with the model and the real routing rules, references and due dates, but not
through services.receive: the demo acknowledges nobody and notifies no queue, so it sends no
e-mail. The senders' addresses are at domains reserved for examples (RFC 2606). Dates count
back from the moment the demo is loaded (the charts show the last 90 days). They are one set,
looked up by the senders' addresses first: loading the demo again adds nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Locale

from home.pages.models import ArticlePage

from .models import Channel, Inquiry, InquiryTopic, Kind, RequesterType, Status
from .workflow import deadlines, routing
from .workflow.references import next_reference

# The demo topics by a short key (contact.demo.TOPICS names them in Czech).
TOPICS = {
    "obec": "Sociální bydlení v obci",
    "financovani": "Financování a dotace",
    "nouze": "Bytová nouze",
    "jiny": "Jiný dotaz",
}

MUNICIPALITY = RequesterType.MUNICIPALITY
NGO = RequesterType.NGO
PUBLIC = RequesterType.PUBLIC


@dataclass(frozen=True)
class DemoInquiry:
    days_ago: float
    status: str
    topic: str | None
    name: str
    email: str
    message: str
    language: str = "cs"
    kind: str = Kind.QUESTION
    channel: str = Channel.WEB
    requester_type: str = ""
    region: str = ""
    # Days from receiving to the answer (finished) or to asking the sender for more.
    took_days: int = 3


INQUIRIES = [
    DemoInquiry(
        54.2, Status.CLOSED, "obec", "Ing. Pavel Marek", "starosta.lhota@example.org",
        "Připravujeme koncepci sociálního bydlení pro obec s 2 000 obyvateli. Máte vzor, ze "
        "kterého můžeme vyjít?", requester_type=MUNICIPALITY, region="jihomoravsky",
    ),
    DemoInquiry(
        50.6, Status.ANSWERED, "financovani", "Lucie Dvořáková", "lucie.dvorakova@example.com",
        "Můžeme jako nezisková organizace žádat o dotaci na sociální práci v obecních bytech, "
        "nebo musí žádat obec?", requester_type=NGO, region="moravskoslezsky", took_days=6,
    ),
    DemoInquiry(
        47.4, Status.CLOSED, "nouze", "Jiří Horák", "jiri.horak@example.net",
        "Dostal jsem výpověď z nájmu a do konce měsíce se musím vystěhovat. Na koho se mám "
        "obrátit?", channel=Channel.PHONE, requester_type=PUBLIC, region="ustecky", took_days=1,
    ),
    DemoInquiry(
        44.1, Status.REFERRED, "jiny", "Marie Pospíšilová", "marie.pospisilova@example.com",
        "Pronajímatel mi vyúčtoval služby za loňský rok a nesouhlasí mi zálohy. Kdo mi "
        "poradí?", requester_type=PUBLIC, region="praha", took_days=2,
    ),
    DemoInquiry(
        40.3, Status.ANSWERED, "nouze", "Olena Kovalenko", "olena.kovalenko@example.org",
        "I came from Ukraine with my two children and we have to leave the hostel next month. "
        "Where can we ask for help with housing?", language="en", requester_type=PUBLIC,
        region="praha", took_days=2,
    ),
    DemoInquiry(
        37.5, Status.ANSWERED, None, "Tereza Doležalová", "tereza.dolezalova@example.net",
        "V článku o spolupráci obcí a neziskových organizací nefunguje odkaz na metodiku.",
        kind=Kind.FEEDBACK, took_days=4,
    ),
    DemoInquiry(
        33.2, Status.CLOSED, "obec", "Mgr. Hana Veselá", "socialni.odbor.hradek@example.org",
        "Jak nastavit pravidla pro přidělování sociálních bytů, aby byla průhledná a zároveň "
        "umožnila rychle pomoci v nouzi?", requester_type=MUNICIPALITY, region="vysocina",
        took_days=8,
    ),
    DemoInquiry(
        30.4, Status.ANSWERED, "financovani", "Roman Kopecký", "mistostarosta.brezina@example.com",
        "Z jakého programu lze financovat rekonstrukci domu na sociální byty?",
        channel=Channel.EMAIL, requester_type=MUNICIPALITY, region="olomoucky", took_days=9,
    ),
    DemoInquiry(
        26.6, Status.IN_PROGRESS, "obec", "Petra Vaněková", "housing.first.liberec@example.net",
        "Spolupracujeme s městem na projektu Housing First. Jak si rozdělit odpovědnost za "
        "dluhy na nájemném, když nájemní smlouvu uzavírá obec?", requester_type=NGO,
        region="liberecky",
    ),
    DemoInquiry(
        23.3, Status.WAITING, "nouze", "Jan Hájek", "jan.hajek@example.org",
        "Bydlím s rodinou na ubytovně a za pokoj platíme víc než polovinu příjmu. Máme nárok "
        "na sociální byt?", requester_type=PUBLIC, region="karlovarsky", took_days=2,
    ),
    DemoInquiry(
        20.5, Status.ANSWERED, "obec", "Laura Wilson", "laura.wilson@example.com",
        "We are a non-profit planning a social housing project with a small town. Is the "
        "cooperation guidance available in English?", language="en", requester_type=NGO,
        region="jihocesky", took_days=5,
    ),
    DemoInquiry(
        17.2, Status.CLOSED, "jiny", "Klára Malá", "podatelna.zlin.demo@example.net",
        "Prosíme o zaslání prezentace ze semináře pro obce, který se konal v Brně.",
        channel=Channel.EMAIL, requester_type=MUNICIPALITY, region="zlinsky", took_days=1,
    ),
    DemoInquiry(
        14.6, Status.IN_PROGRESS, "financovani", "Milan Štěpánek", "starosta.zahradky@example.org",
        "Kdy bude vyhlášena další výzva na podporu sociálního bydlení a kdo může žádat?",
        requester_type=MUNICIPALITY, region="pardubicky",
    ),
    DemoInquiry(
        12.8, Status.ANSWERED, None, "Martin Kučera", "martin.kucera@example.com",
        "V adresáři kontaktních míst chybí telefon na kontaktní místo v Ostravě.",
        kind=Kind.FEEDBACK, took_days=2,
    ),
    DemoInquiry(
        10.9, Status.WAITING, "obec", "Bc. Eva Procházková", "socialni.prace.rokytno@example.net",
        "Jak postupovat, když nájemník sociálního bytu přestane spolupracovat se sociální "
        "pracovnicí?", requester_type=MUNICIPALITY, region="stredocesky", took_days=1,
    ),
    DemoInquiry(
        8.7, Status.IN_PROGRESS, "nouze", "Tomáš Černý", "tomas.cerny@example.org",
        "Kvůli dluhu na nájemném nám hrozí výpověď z bytu. Dá se to ještě nějak řešit?",
        channel=Channel.PHONE, requester_type=PUBLIC, region="plzensky",
    ),
    DemoInquiry(
        7.1, Status.SPAM, None, "SEO Expert", "seo.nabidka@example.invalid",
        "Nabízíme levné zvýšení návštěvnosti vašeho webu a přední místa ve vyhledávání.",
    ),
    DemoInquiry(
        5.8, Status.IN_PROGRESS, "financovani", "Daniel Murphy", "daniel.murphy@example.net",
        "Does the programme fund the salaries of social workers, or only the flats?",
        language="en", requester_type=NGO, region="kralovehradecky",
    ),
    DemoInquiry(
        3.9, Status.NEW, "obec", "Veronika Králová", "poradna.bydleni.sever@example.com",
        "Obec nám nabídla dva byty pro naše klienty. Jakou smlouvu o spolupráci doporučujete?",
        requester_type=NGO, region="kralovehradecky",
    ),
    DemoInquiry(
        2.7, Status.NEW, "nouze", "Radek Konečný", "radek.konecny@example.org",
        "Za týden mě propustí z nemocnice a nemám kam jít. Pomůžete mi najít ubytování?",
        requester_type=PUBLIC, region="moravskoslezsky",
    ),
    DemoInquiry(
        1.4, Status.NEW, "jiny", "Simona Křístová", "simona.kristova@example.net",
        "Pořádáte i školení pro sociální pracovníky obcí? Rádi bychom se přihlásili.",
        requester_type=MUNICIPALITY, region="jihomoravsky",
    ),
    DemoInquiry(
        0.2, Status.NEW, "nouze", "Andrii Shevchenko", "andrii.shevchenko@example.com",
        "Our landlord wants us to move out by the end of the month. Who can help us?",
        language="en", requester_type=PUBLIC, region="ustecky",
    ),
]  # fmt: skip

FINISHED = {Status.ANSWERED, Status.CLOSED, Status.REFERRED}


def build_demo_inquiries(home, log) -> list[str]:
    # One set: once any of them is there, nothing is added, so the spam that the retention
    # command deleted, or an inquiry someone erased, does not come back.
    if Inquiry.objects.filter(email__in=[spec.email for spec in INQUIRIES]).exists():
        return []
    now = timezone.now()
    topics = _topics(home)
    pages = list(ArticlePage.objects.live().filter(locale=home.locale).order_by("path")[:2])
    # Oldest first, so that the references run in the order the inquiries came.
    for number, spec in enumerate(sorted(INQUIRIES, key=lambda spec: -spec.days_ago)):
        page = pages[number % len(pages)] if pages and spec.kind == Kind.FEEDBACK else None
        _file(spec, now, topics, page)
    log(f"  created {len(INQUIRIES)} demo inquiries")
    return [f"inquiry from {spec.email}" for spec in INQUIRIES]


def _topics(home) -> dict[tuple[str, str], InquiryTopic]:
    """Each demo topic in Czech and, where translated, in English (what that form showed)."""
    english = Locale.objects.filter(language_code="en").first()
    found = {}
    for key, name in TOPICS.items():
        topic = InquiryTopic.objects.filter(locale=home.locale, name=name).first()
        if topic is None:
            continue
        found[key, "cs"] = topic
        translated = topic.get_translation_or_none(english) if english else None
        found[key, "en"] = translated or topic
    return found


def _file(spec: DemoInquiry, now: datetime, topics, page) -> Inquiry:
    received = now - timedelta(days=spec.days_ago)
    received_on = timezone.localtime(received).date()
    topic = topics.get((spec.topic, spec.language)) if spec.topic else None
    decision = routing.route(
        routing.Enquiry(
            kind=spec.kind,
            message=spec.message,
            topic=topic,
            region=spec.region,
            requester_type=spec.requester_type,
        )
    )
    inquiry = Inquiry(
        kind=spec.kind,
        channel=spec.channel,
        status=spec.status,
        topic=topic,
        queue=decision.queue,
        routed_by=decision.rule,
        region=spec.region,
        requester_type=spec.requester_type,
        name=spec.name,
        email=spec.email,
        message=spec.message,
        page=page,
        page_url=page.url if page else "",
        language=spec.language,
        received_at=received,
    )
    if spec.status == Status.SPAM:
        inquiry.spam_reasons = ["time-trap: too fast"]
    else:
        inquiry.reference = next_reference(received_on.year)
        inquiry.due_date = deadlines.due_date(received_on, decision.queue.response_days)
    moment = min(now, received + timedelta(days=spec.took_days))
    if spec.status in FINISHED:
        inquiry.finished_at = moment
    elif spec.status == Status.WAITING:
        inquiry.paused_on = timezone.localtime(moment).date()
    inquiry.save()
    return inquiry
