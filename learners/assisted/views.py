"""Pages for assisted access. Coordinators register residents without email,
print sign-in sheets and enter paper results; residents sign in with a code
and choose how to sign in next time. The rules live in ``learners.assisted.services``.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)
from wagtail.admin.menu import MenuItem

from academy_web.forms import add_validation_errors
from academy_web.http import parse_id
from academy_web.menus import PermissionMenuItem
from academy_web.qr import qr_svg
from learners.accounts.adapter import remember_language
from learners.accounts.mfa import staff_only
from learners.accounts.profiles import bdi, html_message, supported_language
from learners.accounts.services import profile_preferred_language
from learners.people import display_name

from . import codes, selectors, services
from .forms import (
    CodeSignInForm,
    PaperResultForm,
    ResidentRegistrationForm,
    ResidentSearchForm,
)

CODE_REFUSALS = {
    services.CodeRefused.INVALID: gettext_lazy(
        "That is not a sign-in code. Type the 8 letters and numbers shown on "
        "your sheet, for example ABCD-2345."
    ),
    services.CodeRefused.UNKNOWN: gettext_lazy(
        "We do not recognise that code. Check it against your sheet and try again."
    ),
    services.CodeRefused.USED: gettext_lazy(
        "That code has already been used. Each code works once: ask your "
        "coordinator for a new sheet."
    ),
    services.CodeRefused.EXPIRED: gettext_lazy(
        "That code has run out, or a newer sheet has replaced it. Ask your "
        "coordinator for a new sheet."
    ),
}
TOO_MANY_CODES = gettext_lazy(
    "You have tried a lot of codes in a short time, so we have paused sign-in "
    "by code for a few minutes. Wait a little, then try again. If your code "
    "still does not work, ask your coordinator for a new sheet."
)


# Staff pages ------------------------------------------------------------------------


def _render_sheet(
    request: HttpRequest, issued: services.IssuedCode, notice: str
) -> HttpResponse:
    user = issued.user
    profile = getattr(user, "learner_profile", None)
    url = issued.sign_in_url
    response = render(
        request,
        "learners/assisted/sheet.html",
        {
            "page_title": _("Sign-in sheet"),
            "resident": user,
            "name": display_name(user, profile),
            "issued": issued,
            "notice": notice,
            "sign_in_page": codes.code_sign_in_url().split("://", 1)[-1],
            "qr": qr_svg(
                url,
                label=_("QR code: opens the sign-in page with your code filled in"),
            ),
        },
    )
    # The code exists only on this page: keep it out of every cache.
    add_never_cache_headers(response)
    return response


@require_GET
@staff_only(services.REGISTER_PERMISSION)
def residents(request: HttpRequest) -> HttpResponse:
    search = ResidentSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    return render(
        request,
        "learners/assisted/residents.html",
        {
            "page_title": _("Residents without email"),
            "search_form": search,
            "query": query,
            "residents": selectors.assisted_residents(search=query),
            "can_enter_results": request.user.has_perm(
                services.PAPER_RESULTS_PERMISSION
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@staff_only(services.REGISTER_PERMISSION)
def register(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ResidentRegistrationForm(
        data,
        registered_by=request.user,
        initial={"submission": services.new_submission_key()},
    )
    if data is not None and form.is_valid():
        try:
            registration = services.assisted_resident_register(
                registered_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            name = bdi(display_name(registration.user))
            if registration.created:
                notice = html_message(
                    _(
                        "%(name)s is registered. Print this sheet now and give it "
                        "to them: its code is not shown again."
                    ),
                    {"name": name},
                )
            else:
                notice = html_message(
                    _(
                        "%(name)s was registered a moment ago, so no second "
                        "account was made. This is a new sheet: earlier sheets "
                        "no longer work."
                    ),
                    {"name": name},
                )
            return _render_sheet(request, registration.code, notice)
    return render(
        request,
        "learners/assisted/register.html",
        {"page_title": _("Register a resident without email"), "form": form},
    )


def _assisted_resident_or_404(user_id: int):
    resident = selectors.assisted_resident(user_id=user_id)
    if resident is None:
        raise Http404
    return resident


@require_GET
@staff_only(services.REGISTER_PERMISSION)
def resident(request: HttpRequest, user_id: int) -> HttpResponse:
    resident = _assisted_resident_or_404(user_id)
    codes = list(selectors.assisted_codes(user=resident)[:5])
    return render(
        request,
        "learners/assisted/resident.html",
        {
            "page_title": display_name(resident),
            "resident": resident,
            "codes": codes,
            "now": timezone.now(),
            "can_enter_results": request.user.has_perm(
                services.PAPER_RESULTS_PERMISSION
            ),
        },
    )


@require_POST
@staff_only(services.REGISTER_PERMISSION)
def sheet(request: HttpRequest, user_id: int) -> HttpResponse:
    resident = _assisted_resident_or_404(user_id)
    issued = services.assisted_code_issue(user=resident, issued_by=request.user)
    notice = html_message(
        _(
            "This is a new sheet for %(name)s. Print it now: earlier sheets no "
            "longer work, and this code is not shown again."
        ),
        {"name": bdi(display_name(resident))},
    )
    return _render_sheet(request, issued, notice)


def _paper_matches(query: str, chosen: str | None) -> list:
    matches = selectors.learner_search(search=query)
    chosen_id = parse_id(chosen)
    if chosen_id is not None:
        extra = (
            selectors.learner_records()
            .select_related("learner_profile")
            .filter(pk=chosen_id)
            .exclude(pk__in=[user.pk for user in matches])
            .first()
        )
        if extra is not None:
            matches.insert(0, extra)
    return matches


@require_http_methods(["GET", "POST"])
@staff_only(services.PAPER_RESULTS_PERMISSION)
def paper_result(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    search = ResidentSearchForm(source)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    chosen = source.get("learner") or source.get("resident")
    matches = _paper_matches(query, chosen)
    if request.method == "POST":
        form = PaperResultForm(request.POST, matches=matches)
        if form.is_valid():
            try:
                result = services.paper_result_record(
                    entered_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                attempt = result.attempt
                values = {
                    "name": bdi(display_name(form.cleaned_data["learner"])),
                    "course": form.cleaned_data["course"].title,
                    "score": f"{attempt.score.normalize():f}",
                }
                if not result.recorded:
                    messages.info(
                        request,
                        html_message(
                            _("That result for %(name)s was already saved."), values
                        ),
                    )
                elif attempt.passed:
                    messages.success(
                        request,
                        html_message(
                            _("Saved: %(name)s passed %(course)s with %(score)s%%."),
                            values,
                        ),
                    )
                else:
                    messages.success(
                        request,
                        html_message(
                            _(
                                "Saved: %(name)s scored %(score)s%% in %(course)s, "
                                "below the pass mark."
                            ),
                            values,
                        ),
                    )
                return redirect("learners:paper_result")
    else:
        initial = {
            "taken_on": timezone.localdate(),
            "submission": services.new_submission_key(),
        }
        if chosen and any(str(user.pk) == str(chosen) for user in matches):
            initial["learner"] = chosen
        form = PaperResultForm(initial=initial, matches=matches)
    return render(
        request,
        "learners/assisted/paper_result.html",
        {
            "page_title": _("Enter a paper assessment result"),
            "search_form": search,
            "query": query,
            "matches": matches,
            "form": form,
            "search_limit": selectors.SEARCH_LIMIT,
        },
    )


# Residents' pages -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def code_sign_in(request: HttpRequest) -> HttpResponse:
    """The page a printed sheet sends residents to; open to everyone."""
    status = 200
    if request.method == "POST":
        form = CodeSignInForm(request.POST)
        if services.code_attempts_exhausted(request=request):
            form.is_valid()
            form.errors["code"] = form.error_class([TOO_MANY_CODES])
            status = 429
        elif form.is_valid():
            try:
                user = services.assisted_code_redeem(
                    code=form.cleaned_data["code"], request=request
                )
            except services.CodeRefused as refusal:
                services.code_attempt_failed(request=request)
                form.add_error("code", str(CODE_REFUSALS[refusal.reason]))
            else:
                return _signed_in(request, user)
        else:
            services.code_attempt_failed(request=request)
    else:
        form = CodeSignInForm(
            initial={"code": CodeSignInForm.prefill(request.GET.get("code", ""))}
        )
    return render(
        request,
        "learners/assisted/code_sign_in.html",
        {"page_title": _("Sign in with a code"), "form": form},
        status=status,
    )


def _signed_in(request: HttpRequest, user) -> HttpResponse:
    language = supported_language(profile_preferred_language(user=user))
    response = redirect("learners:sign_in_options")
    if language:
        remember_language(response, language)
    messages.success(
        request,
        html_message(
            _("You are signed in as %(name)s."), {"name": bdi(display_name(user))}
        ),
    )
    return response


@require_GET
def sign_in_options(request: HttpRequest) -> HttpResponse:
    """How a signed-in user can sign in next time: password, email or codes."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    here = reverse("learners:sign_in_options")
    return render(
        request,
        "learners/assisted/sign_in_options.html",
        {
            "page_title": _("How would you like to sign in next time?"),
            "has_password": user.has_usable_password(),
            "email_addresses": list(EmailAddress.objects.filter(user=user)),
            "uses_codes": selectors.is_assisted_resident(user),
            "set_password_url": f"{reverse('account_set_password')}?"
            + urlencode({"next": here}),
            "dashboard_url": reverse("learners:dashboard"),
        },
    )


# Admin menu -------------------------------------------------------------------------


def register_resident_menu_item() -> MenuItem:
    return PermissionMenuItem(
        gettext_lazy("Register a resident"),
        reverse_lazy("learners:assisted_register"),
        name="assisted-register",
        icon_name="user",
        order=620,
        permission=services.REGISTER_PERMISSION,
    )


def residents_menu_item() -> MenuItem:
    return PermissionMenuItem(
        gettext_lazy("Residents without email"),
        reverse_lazy("learners:assisted_residents"),
        name="assisted-residents",
        icon_name="group",
        order=621,
        permission=services.REGISTER_PERMISSION,
    )


def paper_results_menu_item() -> MenuItem:
    return PermissionMenuItem(
        gettext_lazy("Enter paper results"),
        reverse_lazy("learners:paper_result"),
        name="paper-results",
        icon_name="form",
        order=622,
        permission=services.PAPER_RESULTS_PERMISSION,
    )
