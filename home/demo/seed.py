"""The founding article (shared/seed), word for word; the section headings are editorial."""

from pathlib import Path

TITLE = "Jak mohou neziskové organizace spolupracovat s obcí při poskytování sociálního bydlení?"
SLUG = "spoluprace-nno-s-obci"
SUMMARY = (
    "Obec poskytuje byty, nezisková organizace zná klienty a umí s nimi pracovat. Přehled "
    "modelů spolupráce obcí a neziskových organizací v sociálním bydlení."
)

# The source text is kept verbatim (with its non-breaking spaces) in founding_article.txt.
_SOURCE = (Path(__file__).with_name("founding_article.txt")).read_text(encoding="utf-8")
PARAGRAPHS = [paragraph.strip() for paragraph in _SOURCE.split("\n\n")[:3]]
HEADINGS = [
    "Sociální práce v obecních sociálních bytech",
    "NNO jako poskytovatel sociální práce i bydlení",
    "Další formy spolupráce",
]
SECTIONS = list(zip(HEADINGS, PARAGRAPHS, strict=True))

NEWSLETTER_HEADING = "Přihlaste se k odběru novinek a Zpravodaje sociálního bydlení"
FUNDING_STATEMENT = (
    "<p>Webové stránky byly vytvořeny v rámci projektu MPSV „Sociální bydlení – metodická a "
    "informační podpora v oblasti sociálních agend“. Projekt je realizován v rámci Operačního "
    "programu Zaměstnanost.</p>"
)
REGISTRATION_NUMBER = "CZ.03.2.63/0.0/0.0/15_017/0003539"
CONTACT_CENTRE_NAME = "Kontaktní centrum projektu Podpora sociálního bydlení"
CONTACT_CENTRE_NOTICE = (
    "<p>Vzhledem k současné situaci ohledně koronaviru je činnost Kontaktního centra omezena "
    "pouze na telefonáty nebo elektronickou komunikaci.</p><p>Osobní konzultace nyní nejsou "
    "možné.</p><p>Děkujeme za pochopení.</p>"
)
SOCIAL_LABEL = "Facebook: Sociální bydlení v ČR"
HELP_PROMPT = "Nevíte si rady?"
FEEDBACK_PROMPT = "Máte připomínky k obsahu webu?"
WRITE_TO_US = "Napište nám"
