"""The deliberate, small set of StreamField blocks shared by guidance pages."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTable, TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        # Stable, readable fragment identifiers; diacritics folded by slugify.
        return slugify(self.get("heading", "")) or "sekce"


class HeadingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subheading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        value_class = HeadingValue
        description = _("A section heading; H2 headings form the article's table of contents.")
        preview_value = {"heading": "Formy spolupráce obcí a NNO", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        description = _("Paragraphs of text with links and lists.")
        preview_value = (
            "<p>Obec poskytuje byty, nezisková organizace zná klienty a umí s nimi pracovat.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Tone"),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("tip", _("Tip"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        description = _("A highlighted box for an important note, warning or tip.")
        preview_value = {
            "tone": "info",
            "title": "Dobré vědět",
            "text": "<p>Smlouvu o spolupráci uzavírá obec s registrovaným poskytovatelem.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation with its source.")
        preview_value = {
            "quote": "Bydlení je základ, na kterém se dá stavět další pomoc.",
            "attribution": "sociální pracovnice, Brno",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(label=_("Short description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"
        description = _("A link to a document, shown with its format and size.")


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("FAQ / accordion")
        template = "blocks/accordion_block.html"
        description = _("Questions and answers that open one by one; works without JavaScript.")
        preview_value = {
            "title": "Časté otázky",
            "items": [
                {
                    "question": "Kdo může poskytovat sociální bydlení?",
                    "answer": "<p>Obce i neziskové organizace, často společně.</p>",
                }
            ],
        }


class ContactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    contact = SnippetChooserBlock("home.ContactCentre", label=_("Contact"))

    class Meta:
        icon = "mail"
        label = _("Contact box")
        template = "blocks/contact_box_block.html"
        description = _("The phone, e-mail and opening hours of a contact point.")


class FigureBlock(blocks.StructBlock):
    """An image in the text. Not Wagtail's ImageBlock: that one lets an image be marked
    decorative without alternative text, and an image in a guidance article carries content."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure_block.html"
        description = _("An image with alternative text and an optional caption.")


class TableBlock(TypedTableBlock):
    """A table with a caption and one heading per column.

    wagtail-localize knows nothing of typed tables (it would skip them, leaving Czech cells in
    an English page), so the block hands it its caption, headings and text cells itself.
    """

    text = blocks.CharBlock(label=_("Text"))
    number = blocks.DecimalBlock(label=_("Number"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A table of text and numbers with a caption and column headings.")

    def clean(self, value):
        value = super().clean(value)
        # The caption names the table for screen readers and names its scrolling region.
        if not (value.caption or "").strip():
            raise ValidationError(_("Give the table a caption."))
        if not value.columns:
            raise ValidationError(_("Add at least one column."))
        if any(not (column["heading"] or "").strip() for column in value.columns):
            raise ValidationError(_("Give every column a heading."))
        return value

    def get_translatable_segments(self, value):
        segments = []
        if value.caption:
            segments.append(StringSegmentValue("caption", value.caption))
        for index, column in enumerate(value.columns):
            if column["heading"]:
                segments.append(StringSegmentValue(f"heading.{index}", column["heading"]))
        for row_index, row in enumerate(value.row_data):
            for index, (column, cell) in enumerate(zip(value.columns, row["values"], strict=True)):
                if isinstance(column["block"], blocks.CharBlock) and cell:
                    segments.append(StringSegmentValue(f"cell.{row_index}.{index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        text = {segment.path: segment.render_text() for segment in segments}
        columns = [
            {**column, "heading": text.get(f"heading.{index}", column["heading"])}
            for index, column in enumerate(value.columns)
        ]
        rows = [
            {
                "values": [
                    text.get(f"cell.{row_index}.{index}", cell)
                    for index, cell in enumerate(row["values"])
                ]
            }
            for row_index, row in enumerate(value.row_data)
        ]
        return TypedTable(
            columns=columns, row_data=rows, caption=text.get("caption", value.caption)
        )


def in_block_format(block, raw):
    """raw (a block's JSON) with every list item in Wagtail's block format, with an id.

    Wagtail still reads a ListBlock stored as a plain list of values (the format before 2.16),
    and saves it back unchanged while the stream is not edited, but wagtail-localize extracts
    no segment from such a list (its items have no stable id): the FAQ questions of a page
    built from plain lists, as the demo built them, stayed Czech in the English page.
    """
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        return [
            {
                **child,
                "id": child.get("id") or str(uuid.uuid4()),
                "value": in_block_format(block.child_blocks[child["type"]], child.get("value")),
            }
            if isinstance(child, dict) and child.get("type") in block.child_blocks
            else child
            for child in raw
        ]
    if isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        return [
            {**item, "value": in_block_format(block.child_block, item["value"])}
            if isinstance(item, dict) and item.get("type") == "item" and "id" in item
            else {
                "type": "item",
                "value": in_block_format(block.child_block, item),
                "id": str(uuid.uuid4()),
            }
            for item in raw
        ]
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return {
            name: in_block_format(block.child_blocks[name], value)
            if name in block.child_blocks
            else value
            for name, value in raw.items()
        }
    return raw


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    table = TableBlock()
    document = DocumentLinkBlock()
    accordion = AccordionBlock()
    contact_box = ContactBoxBlock()

    def to_python(self, value):
        # Every stream a page gets, from the database, a script or the demo, so that what is
        # saved and what wagtail-localize reads has list items with ids (in_block_format).
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = in_block_format(self, value)
        return super().to_python(value)


def headings_with_anchors(body) -> list[tuple]:
    """Pair every block of a body with a unique anchor (headings) or None (other blocks).

    Headings with the same text get -2, -3 suffixes so that ids stay unique on the page.
    """
    paired = []
    seen: dict[str, int] = {}
    for child in body:
        anchor = None
        if child.block_type == "heading":
            anchor = child.value.anchor
            seen[anchor] = seen.get(anchor, 0) + 1
            if seen[anchor] > 1:
                anchor = f"{anchor}-{seen[anchor]}"
        paired.append((child, anchor))
    return paired


def table_of_contents(blocks_with_anchors) -> list[dict]:
    """The H2 headings of a body, for the contents list at the top of an article, from
    headings_with_anchors(body), which the page needs anyway (one pass over the body)."""
    return [
        {"anchor": anchor, "text": child.value["heading"]}
        for child, anchor in blocks_with_anchors
        if anchor and child.value.get("level") == "h2"
    ]
