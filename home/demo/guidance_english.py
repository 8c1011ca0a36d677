"""English strings of the guidance demo (home/demo/guidance.py), keyed by the Czech text."""

from home.demo.guidance import DEMO_NOTE, HOURS_NGO, HOURS_OFFICE, SEED_QUESTION

ENGLISH = {
    # Entry points
    "Jsem obec": "I am a municipality",
    "jsem-obec": "municipalities",
    "Jak v obci začít se sociálním bydlením: články, časté otázky a vzory.": (
        "How to start social housing in a municipality: articles, frequent questions and models."
    ),
    "Jsem nezisková organizace": "I am a non-profit organisation",
    "jsem-neziskova-organizace": "ngos",
    "Jak spolupracovat s obcí a poskytovat sociální práci v bydlení.": (
        "How to work with a municipality and provide social work in housing."
    ),
    "Potřebuji pomoc s bydlením": "I need help with housing",
    "potrebuji-pomoc-s-bydlenim": "housing-help",
    "Přišli jste o bydlení, nebo se bojíte, že o ně přijdete? Poradíme, co dělat.": (
        "Have you lost your home, or are you afraid you might? Here is what to do."
    ),
    # FAQ pages
    "caste-otazky": "faq",
    "Časté otázky neziskových organizací": "Frequent questions of non-profit organisations",
    "Odpovědi na otázky, které nám neziskové organizace kladou nejčastěji. (ukázkový obsah)": (
        "Answers to the questions non-profit organisations ask us most. (demo content)"
    ),
    "Jakou roli mají neziskové organizace v sociálním bydlení?": (
        "What role do non-profit organisations play in social housing?"
    ),
    "Zajišťují sociální práci s nájemníky a pomáhají obcím najít, komu byt nabídnout.": (
        "They provide social work with tenants and help municipalities find whom to offer a flat."
    ),
    "Může nezisková organizace pronajímat byty svým klientům?": (
        "Can a non-profit organisation let flats to its clients?"
    ),
    "Ano, například jako podnájem v rámci registrované sociální služby.": (
        "Yes, for example as a sublet within a registered social service."
    ),
    "Jak se zapojit do komunitního plánování?": "How do we take part in community planning?",
    "Ozvěte se koordinátorovi komunitního plánování na obecním úřadě.": (
        "Contact the community planning coordinator at the municipal office."
    ),
    "Kde hledat peníze na sociální práci v bydlení?": (
        "Where can we find funding for social work in housing?"
    ),
    "V dotačních programech krajů, ministerstev a evropských fondů.": (
        "In the grant programmes of the regions, the ministries and the European funds."
    ),
    SEED_QUESTION: "How can NGOs work with a municipality?",
    "Obec poskytuje byty, nezisková organizace zná klienty a umí s nimi pracovat. Přehled "
    "modelů spolupráce najdete v metodickém článku.": (
        "The municipality provides the flats; the NGO knows the clients and how to work with "
        "them. The methodology article describes the models of cooperation."
    ),
    "Časté otázky obcí": "Frequent questions of municipalities",
    "Co obce nejčastěji zajímá, když začínají se sociálním bydlením. (ukázkový obsah)": (
        "What municipalities ask most when they start with social housing. (demo content)"
    ),
    "Musí mít obec vlastní byty?": "Does a municipality need flats of its own?",
    "Nemusí. Může spolupracovat se soukromými pronajímateli a neziskovými organizacemi.": (
        "No. It can work with private landlords and non-profit organisations."
    ),
    "Jak začít s lokální koncepcí sociálního bydlení?": (
        "How do we start a local social housing strategy?"
    ),
    "Zjistěte potřeby lidí v obci a přizvěte partnery.": (
        "Find out what people in the municipality need and invite partners."
    ),
    "S kým může obec spolupracovat?": "Whom can a municipality work with?",
    "S neziskovými organizacemi, úřadem práce a sousedními obcemi.": (
        "With non-profit organisations, the labour office and neighbouring municipalities."
    ),
    "Časté otázky k bydlení": "Frequent questions about housing",
    "Krátké odpovědi pro každého, kdo hledá bydlení. (ukázkový obsah)": (
        "Short answers for anyone looking for a home. (demo content)"
    ),
    "Kde mohu požádat o sociální byt?": "Where can I apply for a social flat?",
    "Na obecním úřadě v místě, kde žijete. Pomůže vám i kontaktní místo pro bydlení.": (
        "At the municipal office where you live. A housing contact point will help you too."
    ),
    "Co když mi hrozí výpověď z nájmu?": "What if I may lose my tenancy?",
    "Nečekejte a ozvěte se hned. Čím dříve, tím více možností pomoci zbývá.": (
        "Do not wait: get in touch now. The sooner you do, the more help is possible."
    ),
    # Help signpost
    "kam-se-obratit": "where-to-turn",
    "Kam se obrátit, když nemám bydlení nebo o ně přicházím": (
        "Where to turn when you have no home or are losing it"
    ),
    "Krok za krokem: co udělat hned, komu zavolat a kde najdete pomoc blízko vás. "
    "(ukázkový obsah)": (
        "Step by step: what to do now, whom to call and where to find help near you. (demo content)"
    ),
    "Nemám bydlení": "I have no home",
    "Dnes nemám kde spát": "I have nowhere to sleep tonight",
    "Potřebujete střechu nad hlavou ještě dnes.": "You need a roof over your head today.",
    "Jste-li v ohrožení, volejte 112.": "If you are in danger, call 112.",
    "Zeptejte se na noclehárnu nebo azylový dům ve vašem městě.": (
        "Ask for a night shelter or a hostel in your town."
    ),
    "Zítra zajděte na nejbližší kontaktní místo pro bydlení.": (
        "Tomorrow, go to the nearest housing contact point."
    ),
    "Bydlím u známých nebo na ubytovně": "I am staying with friends or in a hostel",
    "Máte kde spát, ale ne natrvalo.": "You have somewhere to sleep, but not for good.",
    "Zajděte na obecní úřad a zeptejte se na sociální byt.": (
        "Go to the municipal office and ask about a social flat."
    ),
    "Požádejte úřad práce o příspěvek na bydlení.": (
        "Apply to the labour office for a housing allowance."
    ),
    "Mám bydlení, ale…": "I have a home, but…",
    "Hrozí mi vystěhování": "I may be evicted",
    "Dostali jste výpověď nebo vás pronajímatel chce vystěhovat.": (
        "You have been given notice or your landlord wants you out."
    ),
    "Plaťte dál nájem, i kdyby jen část.": "Keep paying the rent, even if only part of it.",
    "Přečtěte si výpověď a zjistěte, do kdy se můžete bránit.": (
        "Read the notice and find out by when you can challenge it."
    ),
    "Co nejdříve zajděte do poradny nebo na kontaktní místo pro bydlení.": (
        "As soon as you can, go to an advice centre or a housing contact point."
    ),
    "Nemám na nájem": "I cannot pay the rent",
    "Peníze nestačí na nájem a energie.": "Your money does not cover the rent and energy.",
    "Ozvěte se pronajímateli dřív, než nájem nezaplatíte.": (
        "Talk to your landlord before you miss a payment."
    ),
    "Zeptejte se na úřadu práce na příspěvek na bydlení.": (
        "Ask the labour office about a housing allowance."
    ),
    "S dluhy vám pomůže dluhová poradna.": "A debt advice centre will help you with debts.",
    # Directory and help points
    "kontaktni-mista": "help-points",
    "Kontaktní místa a pomoc v regionech": "Help points in the regions",
    "Kontaktní místa pro bydlení, obce a neziskové organizace, které pomáhají lidem v bytové "
    "nouzi. (ukázkový obsah)": (
        "Housing contact points, municipalities and non-profit organisations that help people "
        "in housing need. (demo content)"
    ),
    DEMO_NOTE: "Demo contact: the address, phone and e-mail are not real.",
    HOURS_OFFICE: "Mon and Wed 8:00–17:00, Tue and Thu 8:00–14:00",
    HOURS_NGO: "Mon–Fri 9:00–15:00, otherwise by appointment",
    "Kontaktní místo pro bydlení Ústí nad Labem (ukázka)": (
        "Housing contact point Ústí nad Labem (demo)"
    ),
    "Odbor sociálních věcí Magistrátu města Ústí nad Labem (ukázka)": (
        "Social affairs department of the City of Ústí nad Labem (demo)"
    ),
    "Kontaktní místo pro bydlení Praha 7 (ukázka)": "Housing contact point Prague 7 (demo)",
    "Poradna Střecha nad hlavou (ukázka)": "Roof Over Your Head advice centre (demo)",
    "Kontaktní místo pro bydlení Brno (ukázka)": "Housing contact point Brno (demo)",
    "Sociální bydlení města Pardubice (ukázka)": "Social housing of the City of Pardubice (demo)",
    "Kontaktní místo pro bydlení Ostrava (ukázka)": "Housing contact point Ostrava (demo)",
    "Spolek Dveře otevřené (ukázka)": "Open Doors association (demo)",
    "Kontaktní místo pro bydlení České Budějovice (ukázka)": (
        "Housing contact point České Budějovice (demo)"
    ),
    "Kontaktní místo pro bydlení Kladno (ukázka)": "Housing contact point Kladno (demo)",
}
