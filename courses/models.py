from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import LessonBodyBlock, QuestionBankBlock
from .grading import ReviewPolicy
from .questions import Question, questions_from_bank


class Topic(models.TextChoices):
    FIRE_SAFETY = "fire_safety", _("Fire safety")
    FIRST_AID = "first_aid", _("First aid")
    CRIME_PREVENTION = "crime_prevention", _("Crime prevention")
    SIGNPOSTING = "signposting", _("Signposting")
    OTHER = "other", _("Other")


class CourseIndexPage(Page):
    """Lists the published courses.

    ``parent_page_types`` is left open on purpose: the apps are a plugin, and
    the host site decides where its course index sits.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("course index")
        verbose_name_plural = _("course indexes")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_list

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_list(index=self)
        return context


class CoursePage(Page):
    topic = models.CharField(
        _("topic"), max_length=32, choices=Topic.choices, default=Topic.OTHER
    )
    summary = models.TextField(_("summary"), max_length=500)
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Outcome"), max_length=250))],
        verbose_name=_("learning outcomes"),
        blank=True,
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated minutes"), default=30, validators=[MinValueValidator(1)]
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when there is an image. Describe what it shows."),
    )

    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"), default=5, validators=[MinValueValidator(1)]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        default=3,
        validators=[MinValueValidator(1)],
    )
    cooldown_minutes = models.PositiveIntegerField(
        _("minutes between attempts"), default=5
    )
    review_policy = models.CharField(
        _("show the correct answers"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.NEVER,
        help_text=_(
            "Learners always see which of their own answers were right or "
            "wrong, with the explanation. Choose when their result also marks "
            "the correct answers; showing them after every attempt makes the "
            "next attempt easier."
        ),
    )
    question_bank = StreamField(
        QuestionBankBlock(), verbose_name=_("question bank"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldPanel("estimated_minutes"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        ),
        InlinePanel("prerequisites", label=_("Prerequisite courses")),
    ]
    assessment_panels = [
        FieldRowPanel(
            [
                FieldPanel("questions_per_attempt"),
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("cooldown_minutes"),
            ],
            heading=_("Assessment settings"),
        ),
        FieldPanel("review_policy"),
        FieldPanel("question_bank"),
    ]
    practical_panels = [
        InlinePanel(
            "practical_skills",
            heading=_("Practical skills"),
            label=_("Practical skill"),
            help_text=_("Skills a trainer signs off in person for each resident."),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(assessment_panels, heading=_("Assessment")),
            ObjectList(practical_panels, heading=_("Practical skills")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.FilterField("topic"),
    ]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        errors = {}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        bank_size = len(self.question_bank)
        if bank_size and self.questions_per_attempt > bank_size:
            errors["questions_per_attempt"] = _(
                "The bank has only %(count)d questions; draw that many or fewer."
            ) % {"count": bank_size}
        if errors:
            raise ValidationError(errors)

    @property
    def cooldown(self) -> timedelta:
        return timedelta(minutes=self.cooldown_minutes)

    @property
    def has_assessment(self) -> bool:
        return len(self.question_bank) > 0

    def get_questions(self) -> list[Question]:
        """The bank as plain question objects, ready to draw and grade."""
        return questions_from_bank(self.question_bank)

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_list

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = lesson_list(course=self)
        return context


class CoursePrerequisite(Orderable):
    course = ParentalKey(
        CoursePage, on_delete=models.CASCADE, related_name="prerequisites"
    )
    prerequisite = models.ForeignKey(
        CoursePage,
        verbose_name=_("course to finish first"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("prerequisite")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "prerequisite"], name="unique_course_prerequisite"
            )
        ]

    def __str__(self):
        return str(self.prerequisite)

    def clean(self):
        if self.course_id and self.course_id == self.prerequisite_id:
            raise ValidationError(
                {"prerequisite": _("A course cannot be its own prerequisite.")}
            )


class PracticalSkill(Orderable):
    """A hands-on skill, such as CPR on an adult manikin, signed off in person."""

    course = ParentalKey(
        CoursePage, on_delete=models.CASCADE, related_name="practical_skills"
    )
    title = models.CharField(_("skill"), max_length=150)
    description = models.TextField(
        _("what the trainer checks"), blank=True, max_length=1000
    )

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("practical skill")

    def __str__(self):
        return self.title


class LessonPage(Page):
    summary = models.CharField(_("summary"), max_length=250, blank=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("lesson")

    @property
    def course(self) -> CoursePage:
        return CoursePage.objects.ancestor_of(self).specific().first()

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_neighbours

        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        context["course"] = course
        context["previous_lesson"], context["next_lesson"] = lesson_neighbours(
            lesson=self, course=course
        )
        return context
