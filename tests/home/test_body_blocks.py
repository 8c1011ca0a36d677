"""Every text of every body block reaches wagtail-localize, and the image and table blocks
render accessibly (editors' day, items 2 and 12)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.demo.media import listing_image_file
from home.pages.blocks import FigureBlock, GuidanceStreamBlock, TableBlock
from portal.demo_translation import translate_as_translator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(db):
    from wagtail.images import get_image_model

    return get_image_model().objects.create(
        title="Ilustrace", file=listing_image_file("ilustrace", (11, 79, 138))
    )


@pytest.fixture
def document(db):
    return factories.GuidanceDocumentFactory(title="Vzor smlouvy", language="cs")


# Every text below is in one block of the body; its lists are plain lists of values (the
# format before Wagtail 2.16), as the demo built them and as a script may still write them.
TEXTS = {
    "heading": ["Formy spolupráce"],
    "paragraph": ["Obec poskytuje byty."],
    "callout": ["Dobré vědět", "Smlouvu uzavírá obec."],
    "quote": ["Bydlení je základ.", "sociální pracovnice"],
    "image": ["Kresba domu se střechou", "Dům jako symbol bydlení"],
    "table": ["Kroky koncepce", "Krok", "Délka v měsících", "Analýza potřeb", "Vyhodnocení"],
    "document": ["Vzorová smlouva ke stažení", "Smlouva mezi obcí a NNO."],
    "accordion": ["Časté otázky", "Kdo může o byt požádat?", "Lidé v bytové nouzi."],
    "contact_box": ["Poradíme vám"],
}


def every_block(image, document, contact):
    return [
        {"type": "heading", "value": {"heading": "Formy spolupráce", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Obec poskytuje byty.</p>"},
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "title": "Dobré vědět",
                "text": "<p>Smlouvu uzavírá obec.</p>",
            },
        },
        {
            "type": "quote",
            "value": {"quote": "Bydlení je základ.", "attribution": "sociální pracovnice"},
        },
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Kresba domu se střechou",
                "caption": "Dům jako symbol bydlení",
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Kroky koncepce",
                "columns": [
                    {"type": "text", "heading": "Krok"},
                    {"type": "number", "heading": "Délka v měsících"},
                ],
                "rows": [{"values": ["Analýza potřeb", 3]}, {"values": ["Vyhodnocení", 1.5]}],
            },
        },
        {
            "type": "document",
            "value": {
                "document": document.pk,
                "title": "Vzorová smlouva ke stažení",
                "description": "Smlouva mezi obcí a NNO.",
            },
        },
        {
            "type": "accordion",
            "value": {
                "title": "Časté otázky",
                "items": [
                    {"question": "Kdo může o byt požádat?", "answer": "<p>Lidé v bytové nouzi.</p>"}
                ],
            },
        },
        {"type": "contact_box", "value": {"heading": "Poradíme vám", "contact": contact.pk}},
    ]


@pytest.fixture
def article(section, footer, image, document):
    return factories.ArticlePageFactory(
        parent=section,
        title="Všechny bloky",
        slug="vsechny-bloky",
        body=every_block(image, document, footer.contact_centre),
    )


def segment_texts(page) -> list[str]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return [segment.string.data for segment in source.stringsegment_set.select_related("string")]


def test_the_fixture_uses_every_block_type_of_the_body():
    assert set(TEXTS) == set(GuidanceStreamBlock().child_blocks)


def test_every_text_of_every_body_block_is_a_translation_segment(article):
    texts = segment_texts(article)
    for block_type, expected in TEXTS.items():
        for text in expected:
            assert text in texts, f"{block_type}: {text!r} is not offered to translators"


def test_the_same_segments_come_from_the_page_as_saved(article):
    """List items have ids in the database, so the segments do not change on each read."""
    from home.pages.models import ArticlePage

    stored = ArticlePage.objects.get(pk=article.pk)
    items = list(stored.body.raw_data)[7]["value"]["items"]
    assert items[0]["type"] == "item" and items[0]["id"]
    assert segment_texts(stored) == segment_texts(ArticlePage.objects.get(pk=article.pk))


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def test_the_english_page_shows_the_translation_of_every_block(
    client, article, english, footer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for page in (article.get_parent().get_parent(), article.get_parent()):
            translate_as_translator(page.specific, english, lambda czech: f"EN {czech}")
        translate_as_translator(footer.contact_centre, english, lambda czech: f"EN {czech}")
        translated = translate_as_translator(article, english, lambda czech: f"EN {czech}")
    with translation.override("en"):
        response = client.get(translated.url)
    assert response.status_code == 200
    body = BeautifulSoup(response.content, "html.parser").select_one(".body")
    for block_type, expected in TEXTS.items():
        for text in expected:
            if block_type == "contact_box":
                continue  # its heading shows; the contact centre is a snippet of its own
            assert f"EN {text}" in str(body), f"{block_type}: {text!r} not translated"
    # The numbers of a table are not text to translate: they stay, in English notation.
    assert [td.get_text() for td in body.select("td.table__number")] == ["3", "1.5"]
    assert body.select_one("img")["alt"] == "EN Kresba domu se střechou"


def test_a_document_link_in_another_language_is_marked_with_it(
    client, article, english, document, django_capture_on_commit_callbacks
):
    article.body = [
        {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}}
    ]
    article.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for page in (article.get_parent().get_parent(), article.get_parent()):
            translate_as_translator(page.specific, english, lambda czech: f"EN {czech}")
        translated = translate_as_translator(article, english, lambda czech: f"EN {czech}")
    with translation.override("en"):
        english_link = BeautifulSoup(client.get(translated.url).content, "html.parser")
    link = english_link.select_one(".document-link a")
    assert link.get_text() == "Vzor smlouvy"  # the document's own, Czech title
    assert link["lang"] == "cs" and link["hreflang"] == "cs"
    czech_link = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert not czech_link.select_one(".document-link a").has_attr("lang")


# The image block


def render(block, value):
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


def test_an_image_is_a_figure_with_its_alt_text_caption_and_responsive_renditions(image):
    html = render(
        FigureBlock(), {"image": image.pk, "alt_text": "Kresba domu", "caption": "Ukázka"}
    )
    figure = html.select_one("figure.figure")
    assert figure.select_one("img")["alt"] == "Kresba domu"
    assert figure.select_one("figcaption").get_text() == "Ukázka"
    sources = figure.select("picture source")
    assert {source["type"] for source in sources} == {"image/avif", "image/webp"}
    widths = [candidate.split()[-1] for candidate in sources[0]["srcset"].split(",")]
    assert widths == ["400w", "800w", "1200w"]
    assert figure.select_one("img")["sizes"]


def test_an_image_without_a_caption_has_no_empty_figcaption(image):
    html = render(FigureBlock(), {"image": image.pk, "alt_text": "Kresba domu", "caption": ""})
    assert html.select_one("figcaption") is None


def test_an_image_needs_its_alternative_text(image):
    block = FigureBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": "Ukázka"}))


# The table block

TABLE = {
    "caption": "Kroky koncepce",
    "columns": [{"type": "text", "heading": "Krok"}, {"type": "number", "heading": "Měsíce"}],
    "rows": [{"values": ["Analýza potřeb", 1.5]}],
}


def test_a_table_has_a_caption_column_headers_and_a_named_scrolling_region():
    with translation.override("cs"):
        html = render(TableBlock(), TABLE)
    region = html.select_one(".table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    caption = region.select_one("table > caption")
    assert caption.get_text() == "Kroky koncepce"
    assert region["aria-labelledby"] == caption["id"]
    headers = region.select("thead th")
    assert [(th.get_text(), th["scope"]) for th in headers] == [("Krok", "col"), ("Měsíce", "col")]
    assert [td.get_text() for td in region.select("tbody td")] == ["Analýza potřeb", "1,5"]


@pytest.mark.parametrize(
    "change",
    [
        {"caption": ""},
        {"columns": [{"type": "text", "heading": "Krok"}, {"type": "number", "heading": " "}]},
    ],
    ids=["no caption", "a column without a heading"],
)
def test_a_table_needs_a_caption_and_column_headings(change):
    block = TableBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**TABLE, **change}))


def test_the_page_editor_loads_with_the_table_blocks_script(client, admin_user, section):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/add/home/articlepage/{section.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    # The table's editor script comes from wagtail.contrib.typed_table_block (installed).
    assert "typed_table_block/js/typed_table_block.js" in html
