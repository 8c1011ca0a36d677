"""The demo's starting set of search synonyms, in Czech and in English.

Editors change them in the admin (Search synonyms); the demo creates a set only in a
language that has none, so a re-run never overwrites what an editor changed.
"""

from wagtail.models import Locale

from home.search.models import SearchSynonym
from home.search.typos import rebuild_vocabulary

# Each line: the forms that mean the same, as readers and the articles write them.
CZECH = [
    "NNO, nezisková organizace, neziskovka, nestátní nezisková organizace",
    "SPOD, sociálně-právní ochrana dětí",
    "OSPOD, orgán sociálně-právní ochrany dětí",
    "MOP, mimořádná okamžitá pomoc",
    "ÚP, úřad práce",
    "MPSV, ministerstvo práce a sociálních věcí",
    "MMR, ministerstvo pro místní rozvoj",
    "SB, sociální bydlení",
    "obec, municipalita, samospráva",
    "pronájem, nájem",
    "azylový dům, azyl",
    "příspěvek na bydlení, PnB",
    "doplatek na bydlení, DnB",
    "Housing First, bydlení především",
    "bezdomovectví, bezdomovec, bez domova",
    "ubytovna, ubytovací zařízení",
]
ENGLISH = [
    "NGO, non-governmental organisation, non-profit organisation, nonprofit, charity",
    "municipality, council, local authority, town hall",
    "housing benefit, housing allowance",
    "child protection, SPOD, social and legal protection of children",
    "emergency assistance, MOP, extraordinary immediate assistance",
    "labour office, employment office, UP",
    "ministry of labour, MPSV",
    "Housing First, housing led",
    "homelessness, homeless, rough sleeping",
    "rent, tenancy, lease",
    "flat, apartment, dwelling",
]


def build_search_demo(log=print) -> list[str]:
    created = []
    for language, rows in (("cs", CZECH), ("en", ENGLISH)):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or SearchSynonym.objects.filter(locale=locale).exists():
            continue
        for row in rows:  # one by one: each save retires the cached synonyms
            SearchSynonym.objects.create(forms=row, locale=locale)
        what = f"{len(rows)} search synonyms ({language})"
        created.append(what)
        log(f"  created {what}")
    # The demo's pages are made live without Wagtail's publish step, so "did you mean" learns
    # their words here, once they all exist.
    rebuild_vocabulary()
    return created
