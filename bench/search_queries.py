"""The relevance benchmark's queries (bench/search_relevance.py): what a reader would type,
and the demo pages (the last part of their address) that answer it.

Every query is in a form the page does not contain word for word: inflected, unaccented,
abbreviated, a synonym or misspelt; the benchmark checks that and refuses a query the page
holds verbatim.
"""

SEED = "spoluprace-nno-s-obci"
WHAT = "co-je-socialni-bydleni"
PLAN = "lokalni-koncepce-socialniho-bydleni"
LOSS = "prevence-ztraty-bydleni"
BULLETIN = "novy-zpravodaj"
SEMINAR = "seminar-lokalni-koncepce"
TURN = "kam-se-obratit"
FAQ = "caste-otazky"  # three FAQ pages share the slug, under their audience page
FAQ_MUNICIPALITY = "jsem-obec/caste-otazky"
FAQ_NGO = "jsem-neziskova-organizace/caste-otazky"
FAQ_HOUSING = "potrebuji-pomoc-s-bydlenim/caste-otazky"

CZECH = [
    # The founding article (the issue's own examples first).
    ("bytová nouze", [SEED, WHAT, PLAN]),
    ("bytova nouze", [SEED, WHAT, PLAN]),
    ("podnájemní smlouva", [SEED]),
    ("pronájem obecních bytů", [SEED]),
    ("spolupráci NNO s obcemi", [SEED, FAQ_NGO]),
    ("spoluprace neziskovek s obcemi", [SEED, FAQ_NGO]),
    ("sociální rehabilitace", [SEED]),
    ("registrovaná sociální služba", [SEED, FAQ_NGO]),
    ("magistrát Pardubice", [SEED]),
    ("vysokoprahovost", [SEED]),
    ("přidělit sociální byt", [SEED]),
    ("poskytovatelům sociální práce", [SEED]),
    ("stabilní příjem z nájmu", [SEED]),
    ("podnájmy", [SEED, FAQ_NGO]),
    ("žadatel o sociální bydlení", [SEED]),
    ("politické rozhodnutí", [SEED]),
    ("Brno pronajímá byty neziskovkám", [SEED]),
    ("nestátní neziskové organizace obec", [SEED, FAQ_NGO, FAQ_MUNICIPALITY]),
    ("spolupracující obce", [SEED, FAQ_MUNICIPALITY]),
    ("modely spolupráce s NNO", [SEED, BULLETIN, FAQ_NGO]),
    ("poskytovatelům bydlení", [SEED]),
    ("spoluprace s obcemy", [SEED, FAQ_MUNICIPALITY]),  # misspelt
    # What social housing is.
    ("krizového bydlení", [WHAT]),
    ("sociálním bytem", [WHAT]),
    ("dostupného bydlení", [WHAT]),
    ("nájemních smluv", [WHAT, SEED]),
    ("ubytovny", [WHAT, TURN]),
    ("komu je určeno SB", [WHAT]),
    ("krizovým bydlením", [WHAT]),
    ("standardního bydlení", [WHAT]),
    ("sociální byt pravidlo obce", [WHAT]),
    ("socialni byt najemni smlouva", [WHAT]),
    ("určení sociálních bytů", [WHAT]),
    # A local strategy.
    ("lokálních koncepcí", [PLAN, SEMINAR]),
    ("příprava koncepce", [PLAN, SEMINAR]),
    ("analýzu potřeb", [PLAN]),
    ("pracovní skupiny", [PLAN]),
    ("zapojit partnery", [PLAN]),
    ("vyhodnocování koncepcí", [PLAN]),
    ("koncepcemi sociálního bydlení obcí", [PLAN, SEMINAR]),
    ("struktury koncepce", [PLAN]),
    ("místostarostky", [PLAN]),
    ("kontaktních osob", [PLAN]),
    ("lokalnimi koncepcemi", [PLAN, SEMINAR]),
    # Preventing the loss of a home.
    ("exekuci", [LOSS]),
    ("ztráta bydlení", [LOSS]),
    ("dluhy nájemné", [LOSS]),
    ("výpovědí", [LOSS, TURN]),
    ("exekutor", [LOSS]),
    ("dluhů", [LOSS, TURN]),
    ("zmeškané placení", [LOSS]),
    ("předejít ztrátám bydlení", [LOSS]),
    ("dluh na nájmu a exekuci", [LOSS]),
    # News.
    ("zpravodaje", [BULLETIN]),
    ("listopadový zpravodaj", [BULLETIN]),
    ("nové číslo zpravodaje", [BULLETIN]),
    ("zpravodaj listopad", [BULLETIN]),
    ("semináře", [SEMINAR]),
    ("pozvánky na seminář", [SEMINAR]),
    ("semináře o koncepcích", [SEMINAR]),
    # The municipalities' questions.
    ("soukromý pronajímatel", [FAQ_MUNICIPALITY]),
    ("vlastní byt obce", [FAQ_MUNICIPALITY]),
    ("sousední obec", [FAQ_MUNICIPALITY]),
    ("úřad práce obec", [FAQ_MUNICIPALITY]),
    ("častá otázka obce", [FAQ_MUNICIPALITY]),
    ("spolupráce se soukromými pronajímateli", [FAQ_MUNICIPALITY]),
    ("ÚP sousední obce", [FAQ_MUNICIPALITY]),
    # The NGOs' questions.
    ("komunitní plánování", [FAQ_NGO]),
    ("evropské fondy", [FAQ_NGO]),
    ("dotační program", [FAQ_NGO]),
    ("koordinátor komunitního plánování", [FAQ_NGO]),
    ("nájemník", [FAQ_NGO]),
    ("peněz na sociální práci", [FAQ_NGO]),
    ("role neziskovek", [FAQ_NGO]),
    ("evropský fond", [FAQ_NGO]),
    # Housing help.
    ("požádám o sociální byt", [FAQ_HOUSING, TURN]),
    ("hrozící výpověď", [FAQ_HOUSING, TURN]),
    ("obecní úřady", [FAQ_HOUSING, TURN]),
    ("azylové domy", [TURN]),
    ("noclehárny", [TURN]),
    ("vystěhování z bytu", [TURN]),
    ("příspěvku na bydlení", [TURN]),
    ("dluhové poradny", [TURN]),
    ("nemám kde bydlet", [TURN]),
    ("PnB", [TURN]),
    ("azyl", [TURN]),
    ("ubytovací zařízení", [TURN, WHAT]),
    ("vystěhují", [TURN]),
    ("kontaktního místa pro bydlení", [TURN, FAQ_HOUSING]),
    # The rest of the site.
    ("informační podpory", ["o-projektu"]),
    ("projekt", ["o-projektu"]),
    ("kontaktního centra", ["kontakt"]),
    ("připomínka k webu", ["kontakt"]),
    ("knihovny dokumentů", ["dokumenty"]),
    ("dokument", ["dokumenty"]),
    ("slovníku pojmů", ["slovnik-pojmu"]),
    ("pojem", ["slovnik-pojmu"]),
    ("přístupnost", ["prohlaseni-o-pristupnosti"]),
    ("prohlášením o přístupnosti", ["prohlaseni-o-pristupnosti"]),
    ("kontaktní místo region", ["kontaktni-mista"]),
    ("aktualita", ["aktuality"]),
    ("metodický článek", ["metodika", FAQ_NGO]),
]

E_SEED = "ngos-working-with-municipalities"
E_WHAT = "what-is-social-housing"
E_PLAN = "local-social-housing-strategy"
E_LOSS = "preventing-loss-of-housing"
E_BULLETIN = "new-bulletin"
E_SEMINAR = "seminar-local-strategies"
E_FAQ_MUNICIPALITY = "municipalities/faq"
E_FAQ_NGO = "ngos/faq"
E_FAQ_HOUSING = "housing-help/faq"
E_TURN = "where-to-turn"

ENGLISH = [
    ("municipalitys", [E_SEED, E_PLAN, E_FAQ_MUNICIPALITY]),
    ("non-profits municipality", [E_SEED, E_FAQ_MUNICIPALITY, E_FAQ_NGO]),
    ("charity working with council", [E_SEED, E_FAQ_MUNICIPALITY]),
    ("NGO cooperating", [E_SEED, E_FAQ_NGO]),
    ("subletting", [E_SEED, E_FAQ_NGO]),
    ("allocating social flats", [E_SEED]),
    ("rehabilitations", [E_SEED]),
    ("applicant", [E_SEED]),
    ("registering social services", [E_SEED, E_FAQ_NGO]),
    ("sublets in Pardubice", [E_SEED]),
    ("social apartment", [E_WHAT, E_SEED, E_FAQ_HOUSING]),
    ("crisis house", [E_WHAT]),
    ("tenancy agreements", [E_WHAT]),
    ("hostels", [E_WHAT]),
    ("ordinary flat tenancies", [E_WHAT]),
    ("affordable house", [E_WHAT]),
    ("local strategies", [E_PLAN, E_SEMINAR]),
    ("assess needs", [E_PLAN]),
    ("working groups", [E_PLAN]),
    ("involve partner", [E_PLAN]),
    ("evaluating strategy", [E_PLAN]),
    ("deputy mayors", [E_PLAN]),
    ("rent arrear", [E_LOSS]),
    ("notices to quit", [E_LOSS]),
    ("enforcements", [E_LOSS]),
    ("lose home", [E_LOSS, E_TURN]),
    ("missed payments", [E_LOSS]),
    ("bulletins", [E_BULLETIN]),
    ("november issues", [E_BULLETIN]),
    ("seminars for municipality", [E_SEMINAR]),
    ("invitations", [E_SEMINAR]),
    ("private landlord", [E_FAQ_MUNICIPALITY]),
    ("neighbouring councils", [E_FAQ_MUNICIPALITY]),
    ("labour offices", [E_FAQ_MUNICIPALITY]),
    ("community plans", [E_FAQ_NGO]),
    ("european fund", [E_FAQ_NGO]),
    ("grant programme", [E_FAQ_NGO]),
    ("tenant", [E_FAQ_NGO]),
    ("applying for social flats", [E_FAQ_HOUSING]),
    ("municipal offices", [E_FAQ_HOUSING]),
    ("no homes", [E_TURN]),
    ("documents library", ["documents"]),
    ("accessibility statements", ["accessibility-statement"]),
    ("contacts centre", ["contact"]),
]
