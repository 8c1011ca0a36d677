"""The demo's starting set of search synonyms, in Czech and in English.

Each Czech set has its English counterpart, saved as its translation (one translation key),
so the translation report has nothing left to do. Editors change them in the admin
(Search synonyms); the demo creates the sets only in a language that has none, so a re-run
never overwrites what an editor changed.
"""

import uuid

from wagtail.models import Locale

from home.search.models import SearchSynonym
from home.search.typos import rebuild_vocabulary

# (Czech, English): the forms that mean the same, as readers and the articles write them.
PAIRS = [
    (
        "NNO, nezisková organizace, neziskovka, nestátní nezisková organizace",
        "NGO, non-governmental organisation, non-profit organisation, nonprofit, charity",
    ),
    (
        "SPOD, sociálně-právní ochrana dětí",
        "child protection, SPOD, social and legal protection of children",
    ),
    (
        "OSPOD, orgán sociálně-právní ochrany dětí",
        "child protection authority, OSPOD",
    ),
    (
        "MOP, mimořádná okamžitá pomoc",
        "emergency assistance, MOP, extraordinary immediate assistance",
    ),
    ("ÚP, úřad práce", "labour office, employment office, UP"),
    ("MPSV, ministerstvo práce a sociálních věcí", "ministry of labour, MPSV"),
    ("MMR, ministerstvo pro místní rozvoj", "ministry for regional development, MMR"),
    ("SB, sociální bydlení", "social housing, SB"),
    ("obec, municipalita, samospráva", "municipality, council, local authority, town hall"),
    ("pronájem, nájem", "rent, tenancy, lease"),
    ("azylový dům, azyl", "shelter, refuge"),
    ("příspěvek na bydlení, PnB", "housing benefit, housing allowance"),
    ("doplatek na bydlení, DnB", "housing supplement, DnB"),
    ("Housing First, bydlení především", "Housing First, housing led"),
    ("bezdomovectví, bezdomovec, bez domova", "homelessness, homeless, rough sleeping"),
    ("ubytovna, ubytovací zařízení", "hostel, lodging house"),
    ("byt, bytová jednotka", "flat, apartment, dwelling"),
]


def build_search_demo(log=print) -> list[str]:
    created = []
    locales = {
        language: Locale.objects.filter(language_code=language).first() for language in ("cs", "en")
    }
    empty = {
        language: locale is not None and not SearchSynonym.objects.filter(locale=locale).exists()
        for language, locale in locales.items()
    }
    for pair in PAIRS:
        key = uuid.uuid4()
        for (language, locale), forms in zip(locales.items(), pair, strict=True):
            if empty[language]:  # one by one: each save retires the cached synonyms
                SearchSynonym.objects.create(forms=forms, locale=locale, translation_key=key)
    for language, was_empty in empty.items():
        if was_empty:
            what = f"{len(PAIRS)} search synonyms ({language})"
            created.append(what)
            log(f"  created {what}")
    # The demo's pages are made live without Wagtail's publish step, so "did you mean" learns
    # their words here, once they all exist.
    rebuild_vocabulary()
    return created
