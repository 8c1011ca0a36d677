"""Demo of the guidance entry points: one per audience, FAQ pages, the help signpost and the
directory of help points. Czech specs and their English strings together."""

from datetime import date

from home.demo import seed
from home.guidance.models import AudienceLandingPage, FaqPage, HelpSignpostPage
from home.help_points.models import HelpPoint, HelpPointDirectoryPage
from home.pages.models import ArticlePage

REVIEWED = date(2026, 11, 2)
DEMO_NOTE = "Ukázkový kontakt: adresa, telefon a e-mail nejsou skutečné."
HOURS_OFFICE = "Po a St 8:00–17:00, Út a Čt 8:00–14:00"
HOURS_NGO = "Po–Pá 9:00–15:00, jinak po domluvě"

LANDINGS = [
    {
        "slug": "jsem-obec",
        "title": "Jsem obec",
        "audience": "obce",
        "intro": "Jak v obci začít se sociálním bydlením: články, časté otázky a vzory.",
    },
    {
        "slug": "jsem-neziskova-organizace",
        "title": "Jsem nezisková organizace",
        "audience": "nno",
        "intro": "Jak spolupracovat s obcí a poskytovat sociální práci v bydlení.",
    },
    {
        "slug": "potrebuji-pomoc-s-bydlenim",
        "title": "Potřebuji pomoc s bydlením",
        "audience": "lide-v-bytove-nouzi",
        "intro": "Přišli jste o bydlení, nebo se bojíte, že o ně přijdete? Poradíme, co dělat.",
    },
]

SEED_QUESTION = "Jak mohou NNO spolupracovat s obcí?"

# Questions per entry point; a question's link is the slug of an article, or the seed article.
FAQS = {
    "nno": {
        "title": "Časté otázky neziskových organizací",
        "intro": "Odpovědi na otázky, které nám neziskové organizace kladou nejčastěji. "
        "(ukázkový obsah)",
        "questions": [
            (
                "Jakou roli mají neziskové organizace v sociálním bydlení?",
                "Zajišťují sociální práci s nájemníky a pomáhají obcím najít, komu byt nabídnout.",
                "co-je-socialni-bydleni",
            ),
            (
                "Může nezisková organizace pronajímat byty svým klientům?",
                "Ano, například jako podnájem v rámci registrované sociální služby.",
                None,
            ),
            (
                "Jak se zapojit do komunitního plánování?",
                "Ozvěte se koordinátorovi komunitního plánování na obecním úřadě.",
                "lokalni-koncepce-socialniho-bydleni",
            ),
            (
                "Kde hledat peníze na sociální práci v bydlení?",
                "V dotačních programech krajů, ministerstev a evropských fondů.",
                None,
            ),
            (
                SEED_QUESTION,
                "Obec poskytuje byty, nezisková organizace zná klienty a umí s nimi pracovat. "
                "Přehled modelů spolupráce najdete v metodickém článku.",
                seed.SLUG,
            ),
        ],
    },
    "obce": {
        "title": "Časté otázky obcí",
        "intro": "Co obce nejčastěji zajímá, když začínají se sociálním bydlením. (ukázkový obsah)",
        "questions": [
            (
                "Musí mít obec vlastní byty?",
                "Nemusí. Může spolupracovat se soukromými pronajímateli a neziskovými "
                "organizacemi.",
                None,
            ),
            (
                "Jak začít s lokální koncepcí sociálního bydlení?",
                "Zjistěte potřeby lidí v obci a přizvěte partnery.",
                "lokalni-koncepce-socialniho-bydleni",
            ),
            (
                "S kým může obec spolupracovat?",
                "S neziskovými organizacemi, úřadem práce a sousedními obcemi.",
                seed.SLUG,
            ),
        ],
    },
    "lide-v-bytove-nouzi": {
        "title": "Časté otázky k bydlení",
        "intro": "Krátké odpovědi pro každého, kdo hledá bydlení. (ukázkový obsah)",
        "questions": [
            (
                "Kde mohu požádat o sociální byt?",
                "Na obecním úřadě v místě, kde žijete. Pomůže vám i kontaktní místo pro bydlení.",
                "co-je-socialni-bydleni",
            ),
            (
                "Co když mi hrozí výpověď z nájmu?",
                "Nečekejte a ozvěte se hned. Čím dříve, tím více možností pomoci zbývá.",
                "prevence-ztraty-bydleni",
            ),
        ],
    },
}

SIGNPOST = {
    "slug": "kam-se-obratit",
    "title": "Kam se obrátit, když nemám bydlení nebo o ně přicházím",
    "intro": "Krok za krokem: co udělat hned, komu zavolat a kde najdete pomoc blízko vás. "
    "(ukázkový obsah)",
    "groups": [
        (
            "Nemám bydlení",
            [
                (
                    "Dnes nemám kde spát",
                    "Potřebujete střechu nad hlavou ještě dnes.",
                    [
                        "Jste-li v ohrožení, volejte 112.",
                        "Zeptejte se na noclehárnu nebo azylový dům ve vašem městě.",
                        "Zítra zajděte na nejbližší kontaktní místo pro bydlení.",
                    ],
                ),
                (
                    "Bydlím u známých nebo na ubytovně",
                    "Máte kde spát, ale ne natrvalo.",
                    [
                        "Zajděte na obecní úřad a zeptejte se na sociální byt.",
                        "Požádejte úřad práce o příspěvek na bydlení.",
                    ],
                ),
            ],
        ),
        (
            "Mám bydlení, ale…",
            [
                (
                    "Hrozí mi vystěhování",
                    "Dostali jste výpověď nebo vás pronajímatel chce vystěhovat.",
                    [
                        "Plaťte dál nájem, i kdyby jen část.",
                        "Přečtěte si výpověď a zjistěte, do kdy se můžete bránit.",
                        "Co nejdříve zajděte do poradny nebo na kontaktní místo pro bydlení.",
                    ],
                ),
                (
                    "Nemám na nájem",
                    "Peníze nestačí na nájem a energie.",
                    [
                        "Ozvěte se pronajímateli dřív, než nájem nezaplatíte.",
                        "Zeptejte se na úřadu práce na příspěvek na bydlení.",
                        "S dluhy vám pomůže dluhová poradna.",
                    ],
                ),
            ],
        ),
    ],
}

DIRECTORY = {
    "slug": "kontaktni-mista",
    "title": "Kontaktní místa a pomoc v regionech",
    "intro": "Kontaktní místa pro bydlení, obce a neziskové organizace, které pomáhají lidem "
    "v bytové nouzi. (ukázkový obsah)",
}

# name, kind, region, district, municipality, street, postcode, hours, phone suffix
HELP_POINTS = [
    ("Kontaktní místo pro bydlení Ústí nad Labem (ukázka)", "housing", "ustecky",
     "Ústí nad Labem", "Ústí nad Labem", "Velká Hradební 1/1", "400 01", HOURS_OFFICE, "01"),
    ("Odbor sociálních věcí Magistrátu města Ústí nad Labem (ukázka)", "municipality",
     "ustecky", "Ústí nad Labem", "Ústí nad Labem", "Velká Hradební 1/1", "400 01",
     HOURS_OFFICE, "02"),
    ("Kontaktní místo pro bydlení Praha 7 (ukázka)", "housing", "praha",
     "Hlavní město Praha", "Praha 7", "U Průhonu 1/1", "170 00", HOURS_OFFICE, "03"),
    ("Poradna Střecha nad hlavou (ukázka)", "ngo", "praha", "Hlavní město Praha",
     "Praha 2", "Ječná 1/1", "120 00", HOURS_NGO, "04"),
    ("Kontaktní místo pro bydlení Brno (ukázka)", "housing", "jihomoravsky", "Brno-město",
     "Brno", "Koliště 1/1", "602 00", HOURS_OFFICE, "05"),
    ("Sociální bydlení města Pardubice (ukázka)", "municipality", "pardubicky", "Pardubice",
     "Pardubice", "Pernštýnská 1/1", "530 02", HOURS_OFFICE, "06"),
    ("Kontaktní místo pro bydlení Ostrava (ukázka)", "housing", "moravskoslezsky",
     "Ostrava-město", "Ostrava", "Prokešovo náměstí 1/1", "729 30", HOURS_OFFICE, "07"),
    ("Spolek Dveře otevřené (ukázka)", "ngo", "moravskoslezsky", "Karviná", "Karviná",
     "Fryštátská 1/1", "733 01", HOURS_NGO, "08"),
    ("Kontaktní místo pro bydlení České Budějovice (ukázka)", "housing", "jihocesky",
     "České Budějovice", "České Budějovice", "náměstí Přemysla Otakara II. 1/1", "370 01",
     HOURS_OFFICE, "09"),
    ("Kontaktní místo pro bydlení Kladno (ukázka)", "housing", "stredocesky", "Kladno",
     "Kladno", "náměstí Starosty Pavla 1/1", "272 01", HOURS_OFFICE, "10"),
]  # fmt: skip


def build(builder):
    """Add the guidance demo to the demo site; every object is found before it is made."""
    home = builder.home
    review = builder.review_fields(REVIEWED)
    _help_points(builder)
    directory = builder.child_page(home, HelpPointDirectoryPage, **DIRECTORY, **review)
    for spec in LANDINGS:
        landing = builder.child_page(
            home,
            AudienceLandingPage,
            slug=spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            audience=builder.audiences[spec["audience"]],
            **review,
        )
        _faq(builder, landing, FAQS[spec["audience"]], review)
        if spec["audience"] == "lide-v-bytove-nouzi":
            _signpost(builder, landing, review)
    return directory


def _faq(builder, landing, spec, review):
    articles = {page.slug: page for page in ArticlePage.objects.filter(locale=builder.locale)}
    questions = []
    for question, answer, link in spec["questions"]:
        value = {"question": question, "answer": f"<p>{answer}</p>"}
        if link:
            value["read_more"] = articles[link].pk
        questions.append({"type": "question", "value": value})
    return builder.child_page(
        landing,
        FaqPage,
        slug="caste-otazky",
        title=spec["title"],
        intro=spec["intro"],
        questions=questions,
        **review,
    )


def _signpost(builder, landing, review):
    groups = [
        {
            "type": "group",
            "value": {
                "heading": heading,
                "situations": [
                    {"title": title, "description": description, "steps": steps}
                    for title, description, steps in situations
                ],
            },
        }
        for heading, situations in SIGNPOST["groups"]
    ]
    return builder.child_page(
        landing,
        HelpSignpostPage,
        slug=SIGNPOST["slug"],
        title=SIGNPOST["title"],
        intro=SIGNPOST["intro"],
        situations=groups,
        contact_centre=builder.contact,
        **review,
    )


def _help_points(builder):
    for name, kind, region, district, municipality, street, postcode, hours, suffix in HELP_POINTS:
        point, created = HelpPoint.objects.get_or_create(
            locale=builder.locale,
            name=name,
            defaults={
                "kind": kind,
                "region": region,
                "district": district,
                "municipality": municipality,
                "street_address": street,
                "postal_code": postcode,
                "opening_hours": hours,
                "phone": f"+420 800 100 1{suffix}",
                "email": f"pomoc{suffix}@socialnibydleni.example",
                "note": DEMO_NOTE,
            },
        )
        builder.keep(point)
        builder.note_created(created, f"help point {name}")
