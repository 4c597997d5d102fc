"""StreamField blocks for lessons and for assessment question banks."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video link"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        help_text=_("Everything said and shown, for people who cannot play video."),
    )

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "courses/blocks/video.html"


class KeySafetyMessageBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, default=_("Key safety message")
    )
    message = blocks.TextBlock(label=_("Message"))

    class Meta:
        icon = "warning"
        label = _("Key safety message")
        template = "courses/blocks/key_message.html"


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("What to do"))
    steps = blocks.ListBlock(blocks.CharBlock(label=_("Step")), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("What to do steps")
        template = "courses/blocks/steps.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(
        label=_("Description"), required=False, max_length=250
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "courses/blocks/download.html"


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title of the source"), max_length=250)
    publisher = blocks.CharBlock(label=_("Publisher"), max_length=120)
    url = blocks.URLBlock(label=_("Link"))

    class Meta:
        icon = "link"
        label = _("Source citation")
        template = "courses/blocks/source.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, template="courses/blocks/heading.html"
    )
    text = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "ol", "ul", "link"]
    )
    image = AccessibleImageBlock()
    video = VideoBlock()
    key_message = KeySafetyMessageBlock()
    steps = StepsBlock()
    document = DownloadBlock()
    source = SourceBlock()


# Question bank ---------------------------------------------------------------


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=250)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        help_text=_("Shown after the attempt: why this answer is right or wrong."),
    )


class ImageOptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"))
    alt = blocks.CharBlock(label=_("Alternative text"), max_length=250)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation"))


def _check_correct_count(value, *, exactly_one: bool) -> None:
    correct = sum(1 for option in value["options"] if option["correct"])
    if exactly_one and correct != 1:
        message = _("Mark exactly one answer as correct.")
    elif not exactly_one and correct < 1:
        message = _("Mark at least one answer as correct.")
    else:
        return
    raise StructBlockValidationError(
        block_errors={"options": ErrorList([ValidationError(message)])}
    )


class SingleChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("Answers"))

    class Meta:
        icon = "radio-full"
        label = _("Single choice")

    def clean(self, value):
        value = super().clean(value)
        _check_correct_count(value, exactly_one=True)
        return value


class MultipleResponseQuestionBlock(SingleChoiceQuestionBlock):
    class Meta:
        icon = "tasks"
        label = _("Multiple response")

    def clean(self, value):
        value = blocks.StructBlock.clean(self, value)
        _check_correct_count(value, exactly_one=False)
        return value


class TrueFalseQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Statement"))
    answer = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation"))

    class Meta:
        icon = "help"
        label = _("True or false")


class ImageChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(ImageOptionBlock(), min_num=2, label=_("Pictures"))

    class Meta:
        icon = "image"
        label = _("Image choice")

    def clean(self, value):
        value = super().clean(value)
        _check_correct_count(value, exactly_one=True)
        return value


class QuestionBankBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_response = MultipleResponseQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    image_choice = ImageChoiceQuestionBlock()
