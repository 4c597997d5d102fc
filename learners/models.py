from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .people import display_name


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
        return display_name(self.user, self)


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


class Area(models.Model):
    """A neighbourhood the academy runs in, such as Braunstone Park."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    postcode_districts = models.CharField(
        _("postcode districts"),
        max_length=200,
        blank=True,
        help_text=_("The districts it covers, separated by commas, e.g. LE3, LE4."),
    )

    class Meta:
        verbose_name = _("area")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def district_list(self) -> list[str]:
        return [
            part.strip().upper()
            for part in self.postcode_districts.split(",")
            if part.strip()
        ]


class Cohort(models.Model):
    """One intake of the academy in an area, with its trainers and members."""

    name = models.CharField(_("name"), max_length=150)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("area")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="trained_cohorts",
        verbose_name=_("trainers"),
        blank=True,
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="cohorts",
        verbose_name=_("members"),
        blank=True,
    )

    class Meta:
        verbose_name = _("cohort")
        ordering = ["-start_date", "name"]
        permissions = [
            ("manage_all_cohorts", _("Can see and manage every cohort")),
            ("register_assisted_resident", _("Can register residents without email")),
            ("enter_paper_results", _("Can enter paper assessment results")),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot be before the start date.")}
            )


class TrainingSession(models.Model):
    """A session in person: a cohort meets a trainer at a venue for a course."""

    cohort = models.ForeignKey(
        Cohort,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("cohort"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("course"),
    )
    starts_at = models.DateTimeField(_("date and time"))
    venue = models.CharField(_("venue"), max_length=200)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trainer"),
    )

    class Meta:
        verbose_name = _("session")
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.cohort} – {self.course} – {self.starts_at:%Y-%m-%d %H:%M}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("session"),
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("learner"),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "learner"], name="one_attendance_per_session"
            )
        ]

    def __str__(self):
        return f"{self.learner} – {self.session_id}: {self.status}"


class SkillSignOff(models.Model):
    """A trainer's sign-off of one practical skill for one resident."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="skill_signoffs",
        verbose_name=_("learner"),
    )
    skill = models.ForeignKey(
        "courses.PracticalSkill",
        on_delete=models.CASCADE,
        related_name="signoffs",
        verbose_name=_("skill"),
    )
    signed_off_on = models.DateField(_("signed off on"))
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("skill sign-off")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "skill"], name="one_signoff_per_skill"
            )
        ]

    def __str__(self):
        return f"{self.learner} – {self.skill}"


class AssistedSignInCode(models.Model):
    """A one-time code on a printed sheet, for a resident without email.

    Only a keyed hash of the code is stored, so the sheet is the only copy.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assisted_sign_in_codes",
        verbose_name=_("resident"),
    )
    code_hash = models.CharField(_("code hash"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("assisted sign-in code")

    def __str__(self):
        return f"{self.user} – {self.created_at:%Y-%m-%d}"


# The audit log of these models, narrowed to the cohorts a user acts for.
from .cohorts.log_entries import CohortScopedLogEntry  # noqa: E402, F401
