"""The demo's accessibility statement, in every part the model statement requires
(vyhláška č. 515/2020 Sb.), and its English strings for wagtail-localize.

The supervising body is the Digitální a informační agentura: it took over the oversight of
zákon č. 99/2019 Sb. from the Ministerstvo vnitra on 1 April 2023 (zákon č. 471/2022 Sb.).
Its address is real, since a reader may need it; the programme's own contact details are
demo ones at the reserved .example domain.
"""

from datetime import date

from home.demo.content import DEMO_MARK

PREPARED = date(2026, 9, 1)

STATEMENT = {
    "slug": "prohlaseni-o-pristupnosti",
    "title": "Prohlášení o přístupnosti",
    "body_name": "Ministerstvo práce a sociálních věcí",
    "compliance_status": "partial",
    "non_compliance": (
        "<ul><li>Některé starší dokumenty PDF v knihovně dokumentů nemají strukturu nadpisů "
        "ani textové popisy obrázků (kritéria 1.1.1 Netextový obsah a 1.3.1 Informace a "
        f"vztahy normy EN 301 549).{DEMO_MARK}</li>"
        "<li>Grafy v analýzách ve formátu PDF nemají textovou alternativu; čísla, ze kterých "
        f"vycházejí, jsou v textu analýzy.{DEMO_MARK}</li></ul>"
    ),
    "disproportionate_burden": (
        "<p>Čísla Zpravodaje z let 2019 a 2020 jsou v archivu jen jako naskenované dokumenty "
        "PDF. Převést je do přístupné podoby by bylo nepřiměřenou zátěží podle § 7 zákona "
        "č. 99/2019 Sb., protože je čte jen málokdo; text kteréhokoli čísla vám na požádání "
        f"pošleme.{DEMO_MARK}</p>"
    ),
    "out_of_scope": (
        "<p>Dokumenty PDF a další kancelářské soubory zveřejněné před 23. září 2018, které "
        "nejsou potřebné k vyřízení žádné agendy, a předem zaznamenaná videa zveřejněná před "
        "23. září 2020.</p>"
    ),
    # {library} is the id of the document library page, filled in when the page is built.
    "alternatives": (
        '<p>U každého dokumentu PDF v <a linktype="page" id="{library}">knihovně '
        "dokumentů</a> je odkaz „Požádat o přístupný formát“; kontaktní centrum vám dokument "
        "pošle ve formátu, který potřebujete.</p>"
    ),
    "prepared_on": PREPARED,
    "assessment_method": "self",
    "feedback": (
        "<p>Narazili jste na obsah, který pro vás není přístupný, nebo potřebujete dokument "
        "v jiném formátu? Dejte nám vědět formulářem níže, e-mailem nebo telefonicky. "
        "Odpovíme bez zbytečného odkladu, nejpozději do 30 dnů.</p>"
    ),
    "contact_email": "pristupnost@socialnibydleni.example",
    "contact_phone": "+420 800 000 000",
    "enforcement": (
        "<p>Pokud nebudete spokojeni s tím, jak jsme vaše oznámení nebo žádost vyřídili, "
        "můžete podat podnět Digitální a informační agentuře, která kontroluje, jak povinné "
        "subjekty dodržují zákon č. 99/2019 Sb., o přístupnosti internetových stránek a "
        "mobilních aplikací.</p>"
        "<p>Digitální a informační agentura, Na Vápence 915/14, 130 00 Praha 3, e-mail "
        '<a href="mailto:posta@dia.gov.cz">posta@dia.gov.cz</a>, datová schránka yukd8p7, '
        '<a href="https://www.dia.gov.cz/">www.dia.gov.cz</a></p>'
    ),
    "additional_information": (
        "<p>Dokumenty PDF, které požadavky na přístupnost nesplňují, postupně nahrazujeme "
        f"přístupnými verzemi; hotovo chceme mít do konce roku 2027.{DEMO_MARK}</p>"
    ),
}


def statement_fields(library_page_id: int) -> dict:
    return {**STATEMENT, "alternatives": STATEMENT["alternatives"].format(library=library_page_id)}


ENGLISH = {
    "Prohlášení o přístupnosti": "Accessibility statement",
    "prohlaseni-o-pristupnosti": "accessibility-statement",
    "Ministerstvo práce a sociálních věcí": "Ministry of Labour and Social Affairs",
    "Některé starší dokumenty PDF v knihovně dokumentů nemají strukturu nadpisů ani textové "
    "popisy obrázků (kritéria 1.1.1 Netextový obsah a 1.3.1 Informace a vztahy normy EN 301 "
    f"549).{DEMO_MARK}": (
        "Some older PDF documents in the document library have no heading structure and no "
        "text descriptions of images (criteria 1.1.1 Non-text content and 1.3.1 Info and "
        "relationships of EN 301 549). (demo content)"
    ),
    "Grafy v analýzách ve formátu PDF nemají textovou alternativu; čísla, ze kterých "
    f"vycházejí, jsou v textu analýzy.{DEMO_MARK}": (
        "Charts in the PDF analyses have no text alternative; the figures they are drawn "
        "from are in the text of the analysis. (demo content)"
    ),
    "Čísla Zpravodaje z let 2019 a 2020 jsou v archivu jen jako naskenované dokumenty PDF. "
    "Převést je do přístupné podoby by bylo nepřiměřenou zátěží podle § 7 zákona č. 99/2019 "
    "Sb., protože je čte jen málokdo; text kteréhokoli čísla vám na požádání pošleme."
    f"{DEMO_MARK}": (
        "The 2019 and 2020 issues of the bulletin are in the archive only as scanned PDF "
        "documents. Making them accessible would be a disproportionate burden under section "
        "7 of Act No. 99/2019 Coll., as few people read them; we will send you the text of "
        "any issue on request. (demo content)"
    ),
    "Dokumenty PDF a další kancelářské soubory zveřejněné před 23. září 2018, které nejsou "
    "potřebné k vyřízení žádné agendy, a předem zaznamenaná videa zveřejněná před 23. září "
    "2020.": (
        "PDF documents and other office files published before 23 September 2018 that are "
        "not needed for any administrative process, and pre-recorded videos published before "
        "23 September 2020."
    ),
    'U každého dokumentu PDF v <a id="a1">knihovně dokumentů</a> je odkaz „Požádat o '
    "přístupný formát“; kontaktní centrum vám dokument pošle ve formátu, který "
    "potřebujete.": (
        'Next to every PDF document in the <a id="a1">document library</a> there is a '
        "“Request an accessible format” link; the contact centre will send you the document "
        "in the format you need."
    ),
    "Narazili jste na obsah, který pro vás není přístupný, nebo potřebujete dokument v jiném "
    "formátu? Dejte nám vědět formulářem níže, e-mailem nebo telefonicky. Odpovíme bez "
    "zbytečného odkladu, nejpozději do 30 dnů.": (
        "Have you found content that is not accessible to you, or do you need a document in "
        "another format? Let us know with the form below, by e-mail or by phone. We will "
        "answer without undue delay, within 30 days at the latest."
    ),
    "Pokud nebudete spokojeni s tím, jak jsme vaše oznámení nebo žádost vyřídili, můžete "
    "podat podnět Digitální a informační agentuře, která kontroluje, jak povinné subjekty "
    "dodržují zákon č. 99/2019 Sb., o přístupnosti internetových stránek a mobilních "
    "aplikací.": (
        "If you are not satisfied with how we handled your notification or request, you can "
        "turn to the Digital and Information Agency (Digitální a informační agentura), which "
        "checks that public bodies comply with Act No. 99/2019 Coll., on the accessibility of "
        "websites and mobile applications."
    ),
    "Digitální a informační agentura, Na Vápence 915/14, 130 00 Praha 3, e-mail "
    '<a id="a1">posta@dia.gov.cz</a>, datová schránka yukd8p7, '
    '<a id="a2">www.dia.gov.cz</a>': (
        "Digital and Information Agency (Digitální a informační agentura), Na Vápence 915/14, "
        '130 00 Prague 3, Czech Republic, e-mail <a id="a1">posta@dia.gov.cz</a>, data box '
        '(datová schránka) yukd8p7, <a id="a2">www.dia.gov.cz</a>'
    ),
    "Dokumenty PDF, které požadavky na přístupnost nesplňují, postupně nahrazujeme "
    f"přístupnými verzemi; hotovo chceme mít do konce roku 2027.{DEMO_MARK}": (
        "We are replacing the PDF documents that do not meet the accessibility requirements "
        "with accessible versions, and aim to finish by the end of 2027. (demo content)"
    ),
}
