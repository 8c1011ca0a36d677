"""Demo content in Czech. Everything except the founding article is marked as demo."""

from datetime import date

DEMO_MARK = " (ukázkový obsah)"

HOME = {
    "title": "Sociální bydlení",
    "slug": "socialni-bydleni",
    "intro": (
        "Metodická a informační podpora pro obce, neziskové organizace a lidi v bytové nouzi: "
        "jak společně poskytovat sociální bydlení."
    ),
}

TOPICS = [
    (
        "spoluprace-obci-a-nno",
        "Spolupráce obcí a NNO",
        "Jak si obce a neziskové organizace dělí práci v sociálním bydlení.",
    ),
    ("socialni-prace", "Sociální práce", "Podpora nájemníků sociálních bytů."),
    (
        "dostupne-bydleni",
        "Dostupné a sociální bydlení",
        "Co je sociální, dostupné a krizové bydlení a komu je určeno.",
    ),
    (
        "koncepce-a-planovani",
        "Koncepce a plánování",
        "Lokální koncepce sociálního bydlení a komunitní plánování.",
    ),
    ("prevence-ztraty-bydleni", "Prevence ztráty bydlení", "Co dělat, když hrozí ztráta bydlení."),
]

AUDIENCES = [
    ("obce", "Obce", "Pro starostky, starosty a úřednice a úředníky obcí."),
    ("nno", "Neziskové organizace", "Pro poskytovatele sociálních služeb a jejich pracovníky."),
    (
        "lide-v-bytove-nouzi",
        "Lidé v bytové nouzi",
        "Pro každého, kdo přišel o bydlení nebo se o ně bojí.",
    ),
]

SECTIONS = [
    {
        "slug": "metodika",
        "title": "Metodika",
        "intro": "Metodické články a odpovědi na časté otázky obcí a neziskových organizací.",
    },
]

# Who answers for the guidance: the public sees the team, reminders go to the account.
OWNER_TEAM = "Metodický tým sociálního bydlení"
METHODOLOGIST = {
    "username": "metodik",
    "first_name": "Jana",
    "last_name": "Metodická",
    "email": "metodika@socialnibydleni.example",
}

ARTICLES = [
    {
        "slug": "co-je-socialni-bydleni",
        "title": "Co je sociální bydlení a komu je určeno",
        "summary": "Základní pojmy: sociální byt, dostupné a krizové bydlení a kdo na ně "
        "dosáhne." + DEMO_MARK,
        "published": date(2026, 9, 14),
        # Carried over from the programme's earlier site: overdue, so the report shows it.
        "reviewed": date(2025, 10, 1),
        "topics": ["dostupne-bydleni"],
        "audiences": ["obce", "nno", "lide-v-bytove-nouzi"],
        "image": ("socialni-bydleni", (11, 79, 138)),
        "body": [
            (
                "paragraph",
                "<p>Sociální bydlení je pomoc lidem, kteří si bez podpory nemohou "
                "zajistit nebo udržet standardní bydlení. Kombinuje byt se smlouvou "
                "a podle potřeby sociální práci.</p>",
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Dobré vědět",
                    "text": "<p>Sociální byt je běžný byt s nájemní smlouvou, nikoli ubytovna.</p>",
                },
            ),
            (
                "accordion",
                {
                    "title": "Časté otázky",
                    "items": [
                        {
                            "question": "Kdo může o sociální byt požádat?",
                            "answer": "<p>Lidé v bytové nouzi podle pravidel konkrétní obce.</p>",
                        },
                        {
                            "question": "Kdo sociální byty poskytuje?",
                            "answer": (
                                "<p>Obce, často ve spolupráci s neziskovými organizacemi.</p>"
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    {
        "slug": "lokalni-koncepce-socialniho-bydleni",
        "title": "Jak připravit lokální koncepci sociálního bydlení",
        "summary": "Postup od analýzy potřeb přes zapojení partnerů po vyhodnocení." + DEMO_MARK,
        "published": date(2026, 10, 5),
        "topics": ["koncepce-a-planovani", "spoluprace-obci-a-nno"],
        "audiences": ["obce"],
        "image": ("koncepce", (46, 125, 50)),
        "document": ("Vzor lokální koncepce sociálního bydlení (ukázka)", "vzor-koncepce"),
        "body": [
            ("heading", {"heading": "Analýza potřeb", "level": "h2"}),
            (
                "paragraph",
                "<p>Začněte zjištěním, kolik lidí v obci je v bytové nouzi a jaké "
                "byty má obec k dispozici.</p>",
            ),
            ("heading", {"heading": "Zapojení partnerů", "level": "h2"}),
            (
                "paragraph",
                "<ol><li>Oslovte neziskové organizace působící v obci.</li>"
                "<li>Založte pracovní skupinu k bydlení.</li>"
                "<li>Dohodněte role a kontaktní osoby.</li></ol>",
            ),
            (
                "quote",
                {
                    "quote": "Koncepce, kterou připravíme společně, pak společně i plníme.",
                    "attribution": "místostarostka obce (ukázková citace)",
                },
            ),
            ("document", {"title": "", "description": "Vzorová struktura koncepce k úpravě."}),
            (
                "image",
                {
                    "image": ("koncepce-dum", (46, 125, 50)),
                    "alt_text": "Kresba domu se šikmou střechou na zeleném pozadí",
                    "caption": "Koncepce začíná u bytů, které obec má (ukázkový obrázek).",
                },
            ),
            (
                "table",
                {
                    "caption": "Kroky přípravy koncepce a jejich obvyklá délka",
                    "columns": [
                        {"type": "text", "heading": "Krok"},
                        {"type": "number", "heading": "Obvyklá délka (měsíce)"},
                    ],
                    "rows": [
                        {"values": ["Analýza potřeb", 3]},
                        {"values": ["Zapojení partnerů", 2]},
                        {"values": ["Sepsání a schválení koncepce", 4]},
                        {"values": ["Vyhodnocení", 12]},
                    ],
                },
            ),
        ],
    },
    {
        "slug": "prevence-ztraty-bydleni",
        "title": "Jak předejít ztrátě bydlení",
        "summary": "Dluhy na nájmu, výpověď nebo exekuce: na koho se obrátit včas." + DEMO_MARK,
        "published": date(2026, 10, 28),
        "topics": ["prevence-ztraty-bydleni"],
        "audiences": ["lide-v-bytove-nouzi"],
        "image": ("prevence", (179, 92, 0)),
        "body": [
            ("paragraph", "<p>Čím dříve se ozvete, tím více možností pomoci zbývá.</p>"),
            (
                "callout",
                {
                    "tone": "warning",
                    "title": "Nečekejte na výpověď",
                    "text": "<p>Dluh na nájemném řešte hned po prvním zmeškaném placení.</p>",
                },
            ),
            ("contact_box", {"heading": "Poradíme vám"}),
        ],
    },
]

SEED_ARTICLE = {
    "published": date(2026, 11, 16),
    "topics": ["spoluprace-obci-a-nno", "socialni-prace"],
    "audiences": ["nno", "obce"],
    "image": ("spoluprace", (94, 53, 177)),
    "related": ["co-je-socialni-bydleni", "lokalni-koncepce-socialniho-bydleni"],
}

NEWS_INDEX = {"slug": "aktuality", "title": "Aktuality", "intro": "Novinky z programu."}

NEWS = [
    {
        "slug": "novy-zpravodaj",
        "title": "Vychází nový Zpravodaj sociálního bydlení",
        "date": date(2026, 11, 10),
        "summary": "Listopadové číslo přináší přehled modelů spolupráce obcí a NNO." + DEMO_MARK,
        "topics": ["spoluprace-obci-a-nno"],
        "audiences": ["obce", "nno"],
    },
    {
        "slug": "seminar-lokalni-koncepce",
        "title": "Seminář pro obce: lokální koncepce sociálního bydlení",
        "date": date(2026, 10, 20),
        "summary": "Pozvánka na seminář o přípravě lokálních koncepcí." + DEMO_MARK,
        "topics": ["koncepce-a-planovani"],
        "audiences": ["obce"],
    },
]

TOPIC_INDEX = {"slug": "temata", "title": "Témata", "intro": "Články a aktuality podle témat."}
AUDIENCE_INDEX = {
    "slug": "pro-koho",
    "title": "Pro koho",
    "intro": "Rady a informace podle toho, kdo jste.",
}

STANDARD_PAGES = [
    {
        "slug": "o-projektu",
        "title": "O projektu",
        "menu": True,
        "body": [
            (
                "paragraph",
                "<p>Portál vznikl jako informační podpora programu sociálního "
                "bydlení. Tento text je ukázkový.</p>",
            )
        ],
    },
    {
        "slug": "kontakt",
        "title": "Kontaktní centrum",
        "menu": False,
        "body": [
            (
                "paragraph",
                "<p>Nevíte si rady? Máte připomínky k obsahu webu? Napište nám nebo zavolejte.</p>",
            ),
            ("contact_box", {"heading": ""}),
        ],
    },
]

CONTACT_CENTRE = {
    "phone": "+420 800 000 000",
    "email": "kontaktni-centrum@socialnibydleni.example",
    "opening_hours": "Po–Čt 9:00–16:00\nPá 9:00–13:00",
}

SOCIAL_URL = "https://www.facebook.com/socialnibydleni"

NOTICE = {
    "title": "Ukázkový obsah",
    "message": "<p>Tento web běží s ukázkovými daty. Kromě úvodního metodického článku jsou "
    "texty, kontakty a data jen pro ukázku.</p>",
}
