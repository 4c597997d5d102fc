from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def language_choices():
    return settings.LANGUAGES


class LearnerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learner_profile",
        verbose_name=_("user"),
    )
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=150,
        blank=True,
        help_text=_("Your name as it should appear on your certificates."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=language_choices,
        default="en-gb",
    )
    postcode_district = models.CharField(
        _("postcode district"),
        max_length=4,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{1,2}[0-9][0-9A-Z]?$",
                _("Enter the first part of a postcode, for example LE3."),
            )
        ],
        help_text=_("Optional. The first part of your postcode, for example LE3."),
    )
    contact_consent = models.BooleanField(
        _("happy to be contacted about the academy"), default=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner profile")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return (
            self.certificate_name
            or self.user.get_full_name()
            or self.user.get_username()
        )


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("course"),
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="one_enrolment_per_course"
            )
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("enrolment"),
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("lesson"),
    )
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="one_progress_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.lesson_id}"


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Expired")

    class Source(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper, entered by staff")

    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("enrolment"),
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.IN_PROGRESS
    )
    source = models.CharField(
        _("source"), max_length=8, choices=Source.choices, default=Source.ONLINE
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    questions = models.JSONField(
        _("questions drawn"),
        default=list,
        help_text=_("Snapshot of the drawn questions, in the order shown."),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )

    class Meta:
        verbose_name = _("assessment attempt")
        ordering = ["enrolment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "number"], name="unique_attempt_number"
            ),
            # A double click on "Start" must never open two attempts at once.
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(status="in_progress"),
                name="one_open_attempt_per_enrolment",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        return f"{self.enrolment} – #{self.number}"
