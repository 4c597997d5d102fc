from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from learners.accounts.profiles import validate_no_bidi_controls

from . import codes, conf, rules
from .requirements import AwardRequirementsBlock


class CertificateTemplate(ClusterableModel):
    """How a certificate looks: the words, the logo and who signs it."""

    name = models.CharField(
        _("name"),
        max_length=100,
        unique=True,
        help_text=_("For coordinators choosing a template; not printed."),
    )
    title = models.CharField(
        _("title"), max_length=120, default="Certificate of achievement"
    )
    preamble = models.CharField(
        _("words before the name"),
        max_length=200,
        default="This is to certify that",
        blank=True,
    )
    wording = models.TextField(
        _("words after the name"),
        max_length=600,
        default="has met every requirement of the Citizens' Academy award",
        help_text=_("Printed between the learner's name and the award's name."),
    )
    issuer_name = models.CharField(
        _("issuer"),
        max_length=150,
        default="Citizens' Academy",
        help_text=_("Printed on the certificate and recorded as the PDF's author."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("certificate template")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name


class Award(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(
        _("description"),
        max_length=1000,
        blank=True,
        help_text=_("What holding this award means, in plain words."),
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("certificate template"),
        on_delete=models.PROTECT,
        related_name="awards",
    )
    requirements = StreamField(
        AwardRequirementsBlock(),
        verbose_name=_("requirements"),
        help_text=_("A learner must meet every requirement."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Leave blank if the certificate never expires."),
    )
    auto_issue = models.BooleanField(
        _("issue automatically"),
        default=False,
        help_text=_(
            "Issue the certificate as soon as a learner meets the requirements, "
            "without waiting for a coordinator."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("award")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def expiry_for(self, issued_at: datetime) -> datetime | None:
        if not self.validity_months:
            return None
        return rules.add_months(issued_at, self.validity_months)


class Counter(models.Model):
    """Named counters for serial numbers and status-list positions.

    Each allocation updates the row, which holds its lock until the issuing
    transaction ends, so two issues never draw the same number.
    """

    name = models.CharField(max_length=40, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("counter")

    def __str__(self):
        return f"{self.name}={self.value}"


class IssueBatch(models.Model):
    """A coordinator's bulk issue, so its progress can be shown."""

    award = models.ForeignKey(
        Award, verbose_name=_("award"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    learner_ids = models.JSONField(_("learners"), default=list)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    certificates = models.ManyToManyField("Certificate", related_name="+", blank=True)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")

    def __str__(self):
        return f"{self.award} ({len(self.learner_ids)})"

    @property
    def total(self) -> int:
        return len(self.learner_ids)


class Certificate(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUPERSEDED = "superseded", _("Replaced by a renewal")
        REVOKED = "revoked", _("Revoked")

    class RenderStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    award = models.ForeignKey(
        Award,
        verbose_name=_("award"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    serial = models.CharField(_("serial number"), max_length=20, unique=True)
    verification_code = models.CharField(
        _("verification code"), max_length=17, unique=True
    )
    status_list_index = models.PositiveIntegerField(
        _("status list index"),
        unique=True,
        help_text=_("Position of this certificate in the published status list."),
    )
    name_on_certificate = models.CharField(
        _("name as printed"),
        max_length=310,
        validators=[validate_no_bidi_controls],
    )
    award_name = models.CharField(_("award as printed"), max_length=150)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    issued_at = models.DateTimeField(_("issued"))
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(
        _("reason for revoking"), max_length=500, blank=True
    )
    render_status = models.CharField(
        _("PDF"),
        max_length=8,
        choices=RenderStatus.choices,
        default=RenderStatus.PENDING,
    )
    render_attempts = models.PositiveSmallIntegerField(_("render attempts"), default=0)
    render_error = models.TextField(_("last render error"), blank=True)
    render_warning = models.CharField(_("render warning"), max_length=300, blank=True)
    pdf_name = models.CharField(_("PDF file"), max_length=120, blank=True)
    pdf_sha256 = models.CharField(_("PDF checksum"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("learner emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        ordering = ["-issued_at", "-pk"]
        permissions = [
            ("issue_certificate", _("Can issue certificates")),
            ("revoke_certificate", _("Can revoke certificates")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "award"],
                condition=models.Q(status="active"),
                name="one_active_certificate_per_award",
                violation_error_message=_("This learner already holds this award."),
            )
        ]
        indexes = [
            models.Index(fields=["award", "status"]),
            models.Index(fields=["status", "expires_at"]),
        ]

    def __str__(self):
        return f"{self.serial} – {self.name_on_certificate}"

    def get_absolute_url(self):
        return reverse("certificates:verify_code", args=[self.display_code])

    @property
    def display_code(self) -> str:
        return codes.display(self.verification_code)

    @property
    def storage_name(self) -> str:
        """One fixed file per certificate, so a second render overwrites."""
        return f"certificates/{self.serial}.pdf"

    def get_download_url(self) -> str:
        return reverse("certificates:download", args=[self.serial])

    def get_verify_url(self) -> str:
        """The absolute address printed on the certificate and in its QR code."""
        return conf.absolute_url(self.get_absolute_url())

    def standing(self, now: datetime | None = None) -> rules.Standing:
        return rules.standing(
            revoked=self.status == self.Status.REVOKED,
            expires_at=self.expires_at,
            now=now or timezone.now(),
        )

    @property
    def is_ready(self) -> bool:
        return self.render_status == self.RenderStatus.READY

    def get_standing_display(self) -> str:
        if self.status == self.Status.SUPERSEDED:
            return self.get_status_display()
        labels = {
            rules.Standing.VALID: _("Valid"),
            rules.Standing.EXPIRED: _("Expired"),
            rules.Standing.REVOKED: _("Revoked"),
        }
        return labels[self.standing()]


class ExpiryReminder(models.Model):
    """Records that a reminder went out, so the daily job sends each once."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("expiry reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"], name="one_reminder_per_stage"
            )
        ]

    def __str__(self):
        return f"{self.certificate} – {self.days_before}"
