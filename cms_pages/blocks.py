from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.blocks import AccessibleImageBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))


class StandardBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, template="courses/blocks/heading.html"
    )
    text = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "ol", "ul", "link"]
    )
    image = AccessibleImageBlock()


class JourneyBlock(blocks.StreamBlock):
    step = StepBlock(label=_("Step"), template="cms_pages/blocks/step.html")
