"""StreamField blocks of the guidance page types: FAQ questions and help-signpost situations."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.pages.blocks import RICH_TEXT_FEATURES


class FaqQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)
    read_more = blocks.PageChooserBlock(
        label=_("Read more"),
        required=False,
        help_text=_("An article that answers the question in full."),
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")
        preview_value = {
            "question": "Jak mohou neziskové organizace spolupracovat s obcí?",
            "answer": "<p>Obec poskytuje byty, nezisková organizace sociální práci.</p>",
        }


class SituationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Situation"), max_length=200)
    description = blocks.TextBlock(label=_("In plain words"), required=False)
    steps = blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=400), label=_("What to do"), min_num=1
    )

    class Meta:
        icon = "list-ol"
        label = _("Situation")


class SituationGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=200, help_text=_("For example “I have no home”.")
    )
    situations = blocks.ListBlock(SituationBlock(), label=_("Situations"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Group of situations")
        template = "blocks/situation_group_block.html"
        preview_value = {
            "heading": "Mám bydlení, ale…",
            "situations": [
                {
                    "title": "Nemám na nájem",
                    "description": "",
                    "steps": ["Ozvěte se pronajímateli ještě před splatností."],
                }
            ],
        }
