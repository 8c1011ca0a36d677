"""English translations of the demo content, keyed by the Czech source text.

The demo builder feeds these to wagtail-localize as manual string translations, so the
English pages are ordinary translations that editors can keep in sync with the Czech ones.
A Czech string without an entry here stops the build: nothing is left half-translated.
"""

from home.demo.accessibility import ENGLISH as ACCESSIBILITY
from home.demo.editorial import ENGLISH as EDITORIAL
from home.demo.guidance_docs import ENGLISH as GUIDANCE_DOCS
from home.demo.guidance_english import ENGLISH as GUIDANCE
from home.demo.seed import PARAGRAPHS

NBSP = "\xa0"

SEED = {
    PARAGRAPHS[0]: (
        "One way to combine forces is for non-profit organisations to provide social work (as "
        "part of their social services) to the clients who live in the municipality's social "
        "flats. In other words, the municipality provides the flats, and the non-profit "
        "organisation (NGO) knows the clients, knows how to work with them, and has the "
        "capacity and the appropriate registered social service."
    ),
    PARAGRAPHS[1]: (
        "NGOs can, however, also find themselves providing both social work and social "
        "housing: the city councils of Pardubice and Brno, for example, rent municipal flats "
        "to NGOs, which in turn sublet them to their clients as residential social "
        "rehabilitation (a service). This model of providing social housing benefits not only "
        "the municipalities, which secure a stable rental income from the flats they let, but "
        "also the NGOs, which can better follow the results of their work. For people in "
        "housing need the model of housing and social work provided by NGOs is especially "
        "valuable when the “high threshold” of municipal social housing (strict conditions "
        "for being allocated a municipal social flat) leaves them no chance of getting one. "
        "And because NGOs usually set less strict conditions for applicants than "
        "municipalities do, and their choice of clients is not subject to political "
        "decisions as the allocation of municipal housing is, NGOs have the opportunity to "
        "work with the municipality on increasing the number of flats they “manage”, so as "
        "to meet the needs of people in housing need for whom social housing provided by "
        "the municipality is out of reach."
    ),
    PARAGRAPHS[2]: (
        "Other forms of cooperation between non-profit organisations and municipalities "
        "include community planning (or taking part in working groups on housing), "
        "membership of municipal committees, attending meetings of the council's social and "
        "health committee, and working together on drafting, implementing and evaluating a "
        "local social housing strategy, and so on."
    ),
}

STRINGS = {
    "Metodický tým sociálního bydlení": "Social housing methodology team",
    # Topics and audiences
    "Spolupráce obcí a NNO": "Cooperation between municipalities and NGOs",
    "spoluprace-obci-a-nno": "cooperation-municipalities-ngos",
    "Jak si obce a neziskové organizace dělí práci v sociálním bydlení.": (
        "How municipalities and non-profit organisations share the work of social housing."
    ),
    "Sociální práce": "Social work",
    "socialni-prace": "social-work",
    "Podpora nájemníků sociálních bytů.": "Support for the tenants of social flats.",
    "Dostupné a sociální bydlení": "Affordable and social housing",
    "dostupne-bydleni": "affordable-housing",
    "Co je sociální, dostupné a krizové bydlení a komu je určeno.": (
        "What social, affordable and crisis housing are, and who they are for."
    ),
    "Koncepce a plánování": "Strategy and planning",
    "koncepce-a-planovani": "strategy-and-planning",
    "Lokální koncepce sociálního bydlení a komunitní plánování.": (
        "Local social housing strategies and community planning."
    ),
    "Prevence ztráty bydlení": "Preventing the loss of housing",
    "prevence-ztraty-bydleni": "preventing-loss-of-housing",
    "Co dělat, když hrozí ztráta bydlení.": "What to do when you are at risk of losing your home.",
    "Obce": "Municipalities",
    "obce": "municipalities",
    "Pro starostky, starosty a úřednice a úředníky obcí.": ("For mayors and municipal officials."),
    "Neziskové organizace": "Non-profit organisations",
    "nno": "ngos",
    "Pro poskytovatele sociálních služeb a jejich pracovníky.": (
        "For providers of social services and their staff."
    ),
    "Lidé v bytové nouzi": "People in housing need",
    "lide-v-bytove-nouzi": "people-in-housing-need",
    "Pro každého, kdo přišel o bydlení nebo se o ně bojí.": (
        "For anyone who has lost their home or fears they might."
    ),
    # Contact centre, footer and notice
    "Kontaktní centrum projektu Podpora sociálního bydlení": (
        "Contact centre of the Social Housing Support project"
    ),
    "Vzhledem k současné situaci ohledně koronaviru je činnost Kontaktního centra omezena "
    "pouze na telefonáty nebo elektronickou komunikaci.": (
        "Because of the current coronavirus situation, the contact centre works by telephone "
        "and electronic communication only."
    ),
    "Osobní konzultace nyní nejsou možné.": "Personal consultations are not possible at present.",
    "Děkujeme za pochopení.": "Thank you for your understanding.",
    "+420 800 000 000": "+420 800 000 000",
    "Po–Čt 9:00–16:00<br/>Pá 9:00–13:00": "Mon–Thu 9:00–16:00<br/>Fri 9:00–13:00",
    "Přihlaste se k odběru novinek a Zpravodaje sociálního bydlení": (
        "Subscribe to news and the social housing bulletin"
    ),
    "Nevíte si rady?": "Not sure what to do?",
    "Máte připomínky k obsahu webu?": "Any comments on the content of this website?",
    "Napište nám": "Write to us",
    "Webové stránky byly vytvořeny v rámci projektu MPSV „Sociální bydlení – metodická a "
    "informační podpora v oblasti sociálních agend“. Projekt je realizován v rámci "
    "Operačního programu Zaměstnanost.": (
        "This website was created as part of the Ministry of Labour and Social Affairs "
        "project “Social housing – methodological and information support in social "
        "agendas”. The project is carried out under the Operational Programme Employment."
    ),
    "CZ.03.2.63/0.0/0.0/15_017/0003539": "CZ.03.2.63/0.0/0.0/15_017/0003539",
    "Facebook: Sociální bydlení v ČR": "Facebook: Social housing in the Czech Republic",
    "Ukázkový obsah": "Demo content",
    "Tento web běží s ukázkovými daty. Kromě úvodního metodického článku jsou texty, "
    "kontakty a data jen pro ukázku.": (
        "This site runs on demo data. Apart from the founding methodology article, the texts, "
        "contacts and dates are examples only."
    ),
    # Pages
    "Sociální bydlení": "Social housing",
    "socialni-bydleni": "social-housing",
    "Metodická a informační podpora pro obce, neziskové organizace a lidi v bytové nouzi: "
    "jak společně poskytovat sociální bydlení.": (
        "Methodological and information support for municipalities, non-profit organisations "
        "and people in housing need: how to provide social housing together."
    ),
    "Témata": "Topics",
    "temata": "topics",
    "Články a aktuality podle témat.": "Articles and news by topic.",
    "Pro koho": "Who it is for",
    "pro-koho": "for",
    "Rady a informace podle toho, kdo jste.": "Advice and information for who you are.",
    "Metodika": "Methodology",
    "metodika": "methodology",
    "Metodické články a odpovědi na časté otázky obcí a neziskových organizací.": (
        "Methodology articles and answers to the frequent questions of municipalities and "
        "non-profit organisations."
    ),
    "Co je sociální bydlení a komu je určeno": "What social housing is and who it is for",
    "co-je-socialni-bydleni": "what-is-social-housing",
    "Základní pojmy: sociální byt, dostupné a krizové bydlení a kdo na ně dosáhne. "
    "(ukázkový obsah)": (
        "The basics: social flats, affordable and crisis housing, and who can get them. "
        "(demo content)"
    ),
    "Sociální bydlení je pomoc lidem, kteří si bez podpory nemohou zajistit nebo udržet "
    "standardní bydlení. Kombinuje byt se smlouvou a podle potřeby sociální práci.": (
        "Social housing helps people who cannot find or keep ordinary housing without "
        "support. It combines a flat with a tenancy agreement and, where needed, social work."
    ),
    "Dobré vědět": "Good to know",
    "Sociální byt je běžný byt s nájemní smlouvou, nikoli ubytovna.": (
        "A social flat is an ordinary flat with a tenancy agreement, not a hostel."
    ),
    "Časté otázky": "Frequently asked questions",
    "Kdo může o sociální byt požádat?": "Who can apply for a social flat?",
    "Lidé v bytové nouzi podle pravidel konkrétní obce.": (
        "People in housing need, under the rules of each municipality."
    ),
    "Kdo sociální byty poskytuje?": "Who provides social flats?",
    # The image and the table of the local strategy article
    "Kresba domu se šikmou střechou na zeleném pozadí": (
        "Drawing of a house with a pitched roof on a green background"
    ),
    "Koncepce začíná u bytů, které obec má (ukázkový obrázek).": (
        "A strategy starts from the flats the municipality has (example image)."
    ),
    "Kroky přípravy koncepce a jejich obvyklá délka": (
        "The steps of preparing a strategy and how long they usually take"
    ),
    "Krok": "Step",
    "Obvyklá délka (měsíce)": "Usual length (months)",
    "Sepsání a schválení koncepce": "Writing and approving the strategy",
    "Vyhodnocení": "Evaluation",
    "Obce, často ve spolupráci s neziskovými organizacemi.": (
        "Municipalities, often together with non-profit organisations."
    ),
    "Jak připravit lokální koncepci sociálního bydlení": (
        "How to prepare a local social housing strategy"
    ),
    "lokalni-koncepce-socialniho-bydleni": "local-social-housing-strategy",
    "Postup od analýzy potřeb přes zapojení partnerů po vyhodnocení. (ukázkový obsah)": (
        "From assessing needs and involving partners to evaluation. (demo content)"
    ),
    "Analýza potřeb": "Assessing needs",
    "Začněte zjištěním, kolik lidí v obci je v bytové nouzi a jaké byty má obec k dispozici.": (
        "Start by finding out how many people in the municipality are in housing need and "
        "which flats the municipality has available."
    ),
    "Zapojení partnerů": "Involving partners",
    "Oslovte neziskové organizace působící v obci.": (
        "Approach the non-profit organisations active in the municipality."
    ),
    "Založte pracovní skupinu k bydlení.": "Set up a working group on housing.",
    "Dohodněte role a kontaktní osoby.": "Agree on roles and contact people.",
    "Koncepce, kterou připravíme společně, pak společně i plníme.": (
        "A strategy we prepare together is one we then carry out together."
    ),
    "místostarostka obce (ukázková citace)": "deputy mayor of a municipality (demo quotation)",
    "Vzorová struktura koncepce k úpravě.": "A model structure of a strategy to adapt.",
    "Jak předejít ztrátě bydlení": "How to avoid losing your home",
    "Dluhy na nájmu, výpověď nebo exekuce: na koho se obrátit včas. (ukázkový obsah)": (
        "Rent arrears, notice to quit or enforcement: whom to turn to in time. (demo content)"
    ),
    "Čím dříve se ozvete, tím více možností pomoci zbývá.": (
        "The sooner you get in touch, the more ways there are to help."
    ),
    "Nečekejte na výpověď": "Do not wait for notice to quit",
    "Dluh na nájemném řešte hned po prvním zmeškaném placení.": (
        "Deal with rent arrears as soon as you miss the first payment."
    ),
    "Poradíme vám": "We will advise you",
    "Jak mohou neziskové organizace spolupracovat s obcí při poskytování sociálního bydlení?": (
        "How can non-profit organisations work with a municipality to provide social housing?"
    ),
    "spoluprace-nno-s-obci": "ngos-working-with-municipalities",
    "Obec poskytuje byty, nezisková organizace zná klienty a umí s nimi pracovat. Přehled "
    "modelů spolupráce obcí a neziskových organizací v sociálním bydlení.": (
        "The municipality provides the flats; the non-profit organisation knows the clients "
        "and how to work with them. An overview of how municipalities and NGOs cooperate in "
        "social housing."
    ),
    "Sociální práce v obecních sociálních bytech": "Social work in municipal social flats",
    "NNO jako poskytovatel sociální práce i bydlení": (
        "NGOs providing both social work and housing"
    ),
    "Další formy spolupráce": "Other forms of cooperation",
    "Aktuality": "News",
    "aktuality": "news",
    "Novinky z programu.": "News from the programme.",
    "Vychází nový Zpravodaj sociálního bydlení": "A new issue of the social housing bulletin",
    "novy-zpravodaj": "new-bulletin",
    "Listopadové číslo přináší přehled modelů spolupráce obcí a NNO. (ukázkový obsah)": (
        "The November issue surveys how municipalities and NGOs work together. (demo content)"
    ),
    "Seminář pro obce: lokální koncepce sociálního bydlení": (
        "Seminar for municipalities: local social housing strategies"
    ),
    "seminar-lokalni-koncepce": "seminar-local-strategies",
    "Pozvánka na seminář o přípravě lokálních koncepcí. (ukázkový obsah)": (
        "An invitation to a seminar on preparing local strategies. (demo content)"
    ),
    "O projektu": "About the project",
    "o-projektu": "about",
    "Portál vznikl jako informační podpora programu sociálního bydlení. Tento text je ukázkový.": (
        "The portal provides information support to the social housing programme. This text "
        "is a demo."
    ),
    "Kontaktní centrum": "Contact centre",
    "kontakt": "contact",
    "Nevíte si rady? Máte připomínky k obsahu webu? Napište nám nebo zavolejte.": (
        "Not sure what to do? Any comments on the website? Write to us or call."
    ),
    "Vzor lokální koncepce sociálního bydlení (ukázka)": (
        "Model local social housing strategy (demo)"
    ),
    **SEED,
    **GUIDANCE,
    **GUIDANCE_DOCS,
    **ACCESSIBILITY,
    **EDITORIAL,
}


def english_for(czech: str) -> str:
    """The English text for a Czech segment (non-breaking spaces are Czech typography)."""
    if czech in STRINGS:
        return STRINGS[czech]
    return STRINGS[czech.replace(NBSP, " ")]
