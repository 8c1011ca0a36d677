"""Demo of the document library, the glossary and the accessibility statement: the Czech
specs, their English strings (for wagtail-localize) and the builder step that makes them
(the statement's own wording is in home.demo.accessibility)."""

from datetime import date

from django.conf import settings
from wagtail.documents import get_document_model

from home.accessibility.models import AccessibilityStatementPage
from home.demo import content
from home.demo.accessibility import statement_fields
from home.demo.media import pdf_file
from home.glossary.models import GlossaryPage, GlossaryTerm
from home.library.models import DocumentLibraryPage

LIBRARY = {
    "slug": "dokumenty",
    "title": "Knihovna dokumentů",
    "intro": "Metodiky, analýzy a letáky programu i dalších autorů. (ukázkový obsah)",
}
GLOSSARY = {
    "slug": "slovnik-pojmu",
    "title": "Slovník pojmů",
    "intro": "Co znamenají pojmy, se kterými se v sociálním bydlení setkáte.",
}
REVIEWED = date(2026, 10, 1)
ARTICLE_DOCUMENT_SUMMARY = (
    "Osnova lokální koncepce: analýza potřeb, cíle, partneři a vyhodnocení. (ukázkový obsah)"
)

# (title, file name, fields, pages, topic slugs, audience slugs)
DOCUMENTS = [
    (
        "Metodika spolupráce obcí a NNO v sociálním bydlení (ukázka)",
        "metodika-spoluprace",
        {
            "document_type": "methodology",
            "origin": "programme",
            "author": content.OWNER_TEAM,
            "year": 2025,
            "language": "cs",
            "summary": "Jak si obec a nezisková organizace rozdělí byty, sociální práci a "
            "odpovědnost. (ukázkový obsah)",
        },
        14,
        ["spoluprace-obci-a-nno"],
        ["obce", "nno"],
    ),
    (
        "Analýza bytové nouze v krajích 2024 (ukázka)",
        "analyza-bytove-nouze-2024",
        {
            "document_type": "analysis",
            "origin": "programme",
            "author": "Analytický tým programu",
            "year": 2024,
            "language": "cs",
            "summary": "Kolik lidí je v bytové nouzi podle typologie ETHOS, kraj po kraji. "
            "(ukázkový obsah)",
        },
        32,
        ["dostupne-bydleni", "koncepce-a-planovani"],
        ["obce"],
    ),
    (
        "Leták: Hrozí vám ztráta bydlení? (ukázka)",
        "letak-ztrata-bydleni",
        {
            "document_type": "leaflet",
            "origin": "programme",
            "author": "Kontaktní centrum",
            "year": 2025,
            "language": "cs",
            "summary": "Na koho se obrátit, když nestačíte platit nájem nebo dostanete "
            "výpověď. (ukázkový obsah)",
        },
        2,
        ["prevence-ztraty-bydleni"],
        ["lide-v-bytove-nouzi"],
    ),
    (
        "Housing First in Europe: an overview (demo)",
        "housing-first-europe",
        {
            "document_type": "analysis",
            "origin": "external",
            "author": "Housing First Europe Hub (demo)",
            "year": 2023,
            "language": "en",
            "summary": "Results of Housing First programmes in European countries. (demo content)",
        },
        20,
        ["dostupne-bydleni"],
        ["obce", "nno"],
    ),
]

# (term, slug, definition, other forms)
TERMS = [
    (
        "sociální byt",
        "socialni-byt",
        "Byt, který obec nebo jiný poskytovatel pronajímá domácnosti v bytové nouzi za "
        "dostupné nájemné, spolu s podporou sociální práce, když ji domácnost potřebuje.",
        "sociálního bytu, sociální byty, sociálních bytů, sociálních bytech",
    ),
    (
        "dostupné bydlení",
        "dostupne-bydleni",
        "Bydlení s nájemným, které domácnost s nižšími příjmy zvládne platit, bez podmínky "
        "sociální práce.",
        "dostupného bydlení",
    ),
    (
        "krizové bydlení",
        "krizove-bydleni",
        "Okamžité ubytování na přechodnou dobu pro lidi, kteří náhle přišli o bydlení.",
        "krizového bydlení",
    ),
    (
        "prostupné bydlení",
        "prostupne-bydleni",
        "Systém stupňů od ubytovny po standardní nájem, kterými domácnost postupuje, když "
        "splní podmínky; dnes ho často nahrazuje přístup Housing First.",
        "prostupného bydlení",
    ),
    (
        "bytová nouze",
        "bytova-nouze",
        "Situace, kdy domácnost nemá bydlení, bydlí nejistě nebo nevyhovujícím způsobem.",
        "bytové nouzi, bytovou nouzi",
    ),
    (
        "ETHOS",
        "ethos",
        "Evropská typologie bezdomovectví a vyloučení z bydlení: čtyři kategorie od "
        "bezdomovectví po nevyhovující bydlení.",
        "",
    ),
    (
        "Housing First",
        "housing-first",
        "Přístup, který člověku bez domova nejprve zajistí vlastní byt s nájemní smlouvou "
        "a podporu nabídne až v bytě.",
        "Bydlení především",
    ),
    (
        "MOP",
        "mop",
        "Mimořádná okamžitá pomoc: dávka pomoci v hmotné nouzi, která může pokrýt například "
        "kauci na nájem.",
        "mimořádná okamžitá pomoc",
    ),
    (
        "ORP",
        "orp",
        "Obec s rozšířenou působností: obec, která vykonává státní správu i pro okolní obce, "
        "například sociální práci.",
        "obec s rozšířenou působností",
    ),
    (
        "NNO",
        "nno",
        "Nestátní nezisková organizace: spolek, ústav, obecně prospěšná společnost nebo "
        "církevní právnická osoba.",
        "nezisková organizace, neziskové organizace",
    ),
]

ENGLISH = {
    "Knihovna dokumentů": "Document library",
    "dokumenty": "documents",
    "Metodiky, analýzy a letáky programu i dalších autorů. (ukázkový obsah)": (
        "Methodologies, analyses and leaflets of the programme and other authors. (demo content)"
    ),
    "Slovník pojmů": "Glossary",
    "slovnik-pojmu": "glossary",
    "Co znamenají pojmy, se kterými se v sociálním bydlení setkáte.": (
        "What the terms you meet in social housing mean."
    ),
    "sociální byt": "social flat",
    "socialni-byt": "social-flat",
    "Byt, který obec nebo jiný poskytovatel pronajímá domácnosti v bytové nouzi za dostupné "
    "nájemné, spolu s podporou sociální práce, když ji domácnost potřebuje.": (
        "A flat that a municipality or another provider lets to a household in housing need "
        "at an affordable rent, with the support of social work when the household needs it."
    ),
    "sociálního bytu, sociální byty, sociálních bytů, sociálních bytech": (
        "social flats, social housing flat"
    ),
    "dostupné bydlení": "affordable housing",
    "dostupne-bydleni": "affordable-housing",
    "Bydlení s nájemným, které domácnost s nižšími příjmy zvládne platit, bez podmínky "
    "sociální práce.": (
        "Housing at a rent a household on a lower income can pay, without the condition of "
        "social work."
    ),
    "dostupného bydlení": "affordable homes",
    "krizové bydlení": "crisis housing",
    "krizove-bydleni": "crisis-housing",
    "Okamžité ubytování na přechodnou dobu pro lidi, kteří náhle přišli o bydlení.": (
        "Immediate, temporary accommodation for people who have suddenly lost their home."
    ),
    "krizového bydlení": "crisis accommodation",
    "prostupné bydlení": "staircase housing",
    "prostupne-bydleni": "staircase-housing",
    "Systém stupňů od ubytovny po standardní nájem, kterými domácnost postupuje, když splní "
    "podmínky; dnes ho často nahrazuje přístup Housing First.": (
        "A series of steps from a hostel to a standard tenancy that a household climbs as it "
        "meets conditions; today often replaced by the Housing First approach."
    ),
    "prostupného bydlení": "staircase model",
    "bytová nouze": "housing need",
    "bytova-nouze": "housing-need",
    "Situace, kdy domácnost nemá bydlení, bydlí nejistě nebo nevyhovujícím způsobem.": (
        "When a household has no home, or lives in insecure or inadequate housing."
    ),
    "bytové nouzi, bytovou nouzi": "housing exclusion",
    "ETHOS": "ETHOS",
    "ethos": "ethos",
    "Evropská typologie bezdomovectví a vyloučení z bydlení: čtyři kategorie od "
    "bezdomovectví po nevyhovující bydlení.": (
        "The European Typology of Homelessness and Housing Exclusion: four categories from "
        "rooflessness to inadequate housing."
    ),
    "Housing First": "Housing First",
    "housing-first": "housing-first",
    "Přístup, který člověku bez domova nejprve zajistí vlastní byt s nájemní smlouvou a "
    "podporu nabídne až v bytě.": (
        "An approach that first gives a homeless person a flat of their own with a tenancy, "
        "and offers support once they live there."
    ),
    "Bydlení především": "Housing-led",
    "MOP": "MOP",
    "mop": "mop",
    "Mimořádná okamžitá pomoc: dávka pomoci v hmotné nouzi, která může pokrýt například "
    "kauci na nájem.": (
        "Extraordinary immediate assistance (mimořádná okamžitá pomoc): a material need "
        "benefit that can cover, for example, a rent deposit."
    ),
    "mimořádná okamžitá pomoc": "extraordinary immediate assistance",
    "ORP": "ORP",
    "orp": "orp",
    "Obec s rozšířenou působností: obec, která vykonává státní správu i pro okolní obce, "
    "například sociální práci.": (
        "A municipality with extended powers (obec s rozšířenou působností): it carries out "
        "state administration, such as social work, for the surrounding municipalities too."
    ),
    "obec s rozšířenou působností": "municipality with extended powers",
    "NNO": "NGO",
    "nno": "ngo",
    "Nestátní nezisková organizace: spolek, ústav, obecně prospěšná společnost nebo "
    "církevní právnická osoba.": (
        "A non-governmental non-profit organisation: an association, institute, public "
        "benefit company or church legal entity."
    ),
    "nezisková organizace, neziskové organizace": (
        "non-profit organisation, non-profit organisations, NGOs"
    ),
}


def build_guidance_docs(builder) -> None:
    """Documents, glossary and accessibility statement, before the site is translated."""
    for title, name, fields, pages, topics, audiences in DOCUMENTS:
        _document(builder, title, name, fields, pages, topics, audiences)
    _describe_article_documents(builder)
    for term, slug, definition, synonyms in TERMS:
        glossary_term, created = GlossaryTerm.objects.get_or_create(
            locale=builder.locale,
            slug=slug,
            defaults={"term": term, "definition": f"<p>{definition}</p>", "synonyms": synonyms},
        )
        builder.keep(glossary_term)
        builder.note_created(created, f"glossary term {term}")
    review = {
        "content_owner": builder.owner,
        "owner_team": content.OWNER_TEAM,
        "last_reviewed": REVIEWED,
        "next_review_due": date(2027, 10, 1),
    }
    library = builder.child_page(
        builder.home, DocumentLibraryPage, show_in_menus=True, **LIBRARY, **review
    )
    builder.child_page(builder.home, GlossaryPage, show_in_menus=True, **GLOSSARY, **review)
    builder.child_page(
        builder.home,
        AccessibilityStatementPage,
        website=settings.WAGTAILADMIN_BASE_URL,
        **statement_fields(library.pk),
        **review,
    )


def _describe_article_documents(builder):
    """The articles' own demo files get the library's details too, once (editors may edit)."""
    model = get_document_model()
    for spec in content.ARTICLES:
        if "document" not in spec:
            continue
        document = model.objects.filter(title=spec["document"][0], summary="").first()
        if document is None:
            continue
        document.summary = ARTICLE_DOCUMENT_SUMMARY
        document.author = content.OWNER_TEAM
        document.year = 2025
        document.save(update_fields=["summary", "author", "year"])
        document.topics.set([builder.topics[slug] for slug in spec["topics"]])
        document.audiences.set([builder.audiences[slug] for slug in spec["audiences"]])


def _document(builder, title, name, fields, pages, topics, audiences):
    model = get_document_model()
    if model.objects.filter(title=title).exists():
        return
    file = pdf_file(name, title, pages=pages)
    document = model(title=title, file=file, file_size=file.size, **fields)
    document.save()
    document.topics.set([builder.topics[slug] for slug in topics])
    document.audiences.set([builder.audiences[slug] for slug in audiences])
    builder.note_created(True, f"document {title}")
