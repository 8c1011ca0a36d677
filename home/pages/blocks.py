"""The deliberate, small set of StreamField blocks shared by guidance pages."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

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


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    accordion = AccordionBlock()
    contact_box = ContactBoxBlock()


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


def table_of_contents(body) -> list[dict]:
    """The H2 headings of a body, for the contents list at the top of an article."""
    return [
        {"anchor": anchor, "text": child.value["heading"]}
        for child, anchor in headings_with_anchors(body)
        if anchor and child.value.get("level") == "h2"
    ]
