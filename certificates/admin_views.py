"""Coordinator screens in the Wagtail admin, wired up by ``viewsets.py``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from academy_web.http import parse_id, safe_next

from .eligibility import award_eligible_learners
from .forms import RevokeForm
from .models import Award, Certificate, IssueBatch
from .selectors import (
    batch_problem_list,
    batch_progress,
    learner_certificate_name,
)
from .services import (
    certificate_issue,
    certificate_render_retry,
    certificate_revoke,
    issue_batch_start,
)

ELIGIBLE_LIST_LIMIT = 1000


def _require(request, action: str) -> None:
    policy = policy_registry.get_by_type(Certificate)
    if not policy.user_has_permission(request.user, action):
        raise PermissionDenied


class CertificateAdminMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs and URL names shared by the screens below."""

    certificate_url_namespace = ""
    award_url_namespace = ""
    header_icon = "doc-full"

    def certificate_url(self, name: str, *args) -> str:
        return reverse(f"{self.certificate_url_namespace}:{name}", args=args)

    def award_url(self, name: str, *args) -> str:
        return reverse(f"{self.award_url_namespace}:{name}", args=args)

    def next_url(self) -> str:
        """Where the form sends the user back to: the ``next`` page when it
        is on this site, the certificate list otherwise."""
        return safe_next(self.request, self.certificate_url("list"), from_get=True)


class EligibleLearnersView(CertificateAdminMixin, TemplateView):
    """Residents who meet an award's requirements but hold no certificate."""

    template_name = "certificates/admin/eligible.html"
    page_title = gettext_lazy("Issue certificates")

    def dispatch(self, request, *args, **kwargs):
        _require(request, "issue")
        self.award = get_object_or_404(Award, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.award.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.award_url("list"), "label": _("Awards")},
            {"url": "", "label": self.page_title, "sublabel": self.award.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        learners = award_eligible_learners(award=self.award)
        rows = [
            {"learner": learner, "name": learner_certificate_name(learner)}
            for learner in learners[:ELIGIBLE_LIST_LIMIT]
        ]
        context.update(
            award=self.award,
            rows=rows,
            total=len(rows) if len(rows) < ELIGIBLE_LIST_LIMIT else learners.count(),
            limit=ELIGIBLE_LIST_LIMIT,
            certificates_url=self.certificate_url("list"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("issue_one"):
            return self._issue_one(request.POST["issue_one"])
        learner_ids = None
        if not request.POST.get("issue_all"):
            # A key that is not an id means the list was not sent by the page:
            # nothing is issued from it.
            parsed = [parse_id(pk) for pk in request.POST.getlist("learners")]
            learner_ids = [] if None in parsed else parsed
        try:
            batch = issue_batch_start(
                award=self.award, learner_ids=learner_ids, issued_by=request.user
            )
        except ValidationError:
            messages.error(request, _("Choose at least one learner."))
            return redirect(request.path)
        return redirect(self.certificate_url("batch", batch.pk))

    def _issue_one(self, learner_pk: str):
        learner = next(
            (
                learner
                for learner in award_eligible_learners(
                    award=self.award, learner_ids=[parse_id(learner_pk) or 0]
                )
            ),
            None,
        )
        if learner is None:
            messages.error(
                self.request,
                _("That learner is no longer waiting for this certificate."),
            )
            return redirect(self.request.path)
        try:
            certificate = certificate_issue(
                learner=learner,
                award=self.award,
                issued_by=self.request.user,
                eligible=True,
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.request.path)
        messages.success(
            self.request,
            _("Issued %(serial)s to %(name)s.")
            % {"serial": certificate.serial, "name": certificate.name_on_certificate},
        )
        return redirect(self.request.path)


class BatchProgressView(CertificateAdminMixin, TemplateView):
    template_name = "certificates/admin/batch.html"
    page_title = gettext_lazy("Issuing certificates")

    def dispatch(self, request, *args, **kwargs):
        _require(request, "issue")
        self.batch = get_object_or_404(
            IssueBatch.objects.select_related("award"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.batch.award.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.certificate_url("list"), "label": _("Certificates")},
            {"url": "", "label": self.page_title, "sublabel": self.batch.award.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        progress = batch_progress(batch=self.batch)
        context.update(
            batch=self.batch,
            problems=batch_problem_list(batch=self.batch),
            progress=progress,
            message=progress_message(progress),
            status_url=self.certificate_url("batch_status", self.batch.pk),
            certificates_url=self.certificate_url("list"),
            eligible_url=self.award_url("eligible", self.batch.award_id),
        )
        return context


def progress_message(progress: dict) -> str:
    if progress["done"]:
        return (
            _(
                "Finished: %(ready)d of %(total)d certificates ready, "
                "%(failed)d failed, %(problems)d not issued."
            )
            % progress
        )
    return (
        _("%(finished)d of %(total)d certificates done (%(ready)d ready).") % progress
    )


class BatchStatusView(View):
    """JSON for the progress bar; polled by ``batch_progress.js``."""

    def get(self, request, pk):
        _require(request, "issue")
        batch = get_object_or_404(IssueBatch, pk=pk)
        progress = batch_progress(batch=batch)
        response = JsonResponse(
            {
                **progress,
                "message": progress_message(progress),
                "problem_list": [
                    {
                        "name": problem["name"] or _("An account since deleted"),
                        "message": problem["message"],
                    }
                    for problem in batch_problem_list(batch=batch)
                ],
            }
        )
        response["Cache-Control"] = "no-store"
        return response


class CertificateActionMixin(CertificateAdminMixin):
    """A screen acting on one certificate, open to those allowed ``action``."""

    action = ""

    def dispatch(self, request, *args, **kwargs):
        _require(request, self.action)
        self.certificate = get_object_or_404(Certificate, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.certificate_url("list"), "label": _("Certificates")},
            {"url": "", "label": self.page_title, "sublabel": str(self.certificate)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(certificate=self.certificate, next=self.next_url())
        return context


class RevokeView(CertificateActionMixin, TemplateView):
    template_name = "certificates/admin/revoke.html"
    page_title = gettext_lazy("Revoke certificate")
    header_icon = "warning"
    action = "revoke"

    def dispatch(self, request, *args, **kwargs):
        self.form = RevokeForm(request.POST or None)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        return context

    def post(self, request, *args, **kwargs):
        if self.certificate.status == Certificate.Status.REVOKED:
            messages.error(request, _("This certificate is already revoked."))
            return redirect(self.next_url())
        if self.form.is_valid():
            try:
                certificate_revoke(
                    certificate=self.certificate,
                    reason=self.form.cleaned_data["reason"],
                    revoked_by=request.user,
                )
            except ValidationError as error:
                self.form.add_error("reason", error.messages[0])
            else:
                messages.success(
                    request,
                    _("Revoked %(serial)s.") % {"serial": self.certificate.serial},
                )
                return redirect(self.next_url())
        return self.render_to_response(self.get_context_data(), status=400)


class RetryRenderView(CertificateActionMixin, TemplateView):
    """Makes a certificate's PDF again, after a failure or a template change."""

    template_name = "certificates/admin/retry.html"
    page_title = gettext_lazy("Make the PDF again")
    action = "issue"

    def post(self, request, *args, **kwargs):
        certificate_render_retry(certificate=self.certificate, user=request.user)
        messages.success(
            request,
            _("Making the PDF for %(serial)s again.")
            % {"serial": self.certificate.serial},
        )
        return redirect(self.next_url())
