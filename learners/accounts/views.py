"""The signed-in learner's own profile page; allauth serves the other account pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from academy_web.forms import add_validation_errors

from .adapter import remember_language
from .forms import LearnerProfileForm
from .services import profile_get_or_create, profile_update


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Lets a user edit their own profile; nobody else's can be addressed here."""
    learner_profile = profile_get_or_create(
        user=request.user, preferred_language=translation.get_language()
    )
    data = request.POST if request.method == "POST" else None
    form = LearnerProfileForm(data, instance=learner_profile)
    if request.method == "POST" and form.is_valid():
        try:
            learner_profile = profile_update(
                user=request.user, profile=learner_profile, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            # Switch first, so the confirmation is already in the new language.
            translation.activate(learner_profile.preferred_language)
            messages.success(request, _("Your profile has been saved."))
            response = redirect("learners:profile")
            remember_language(response, learner_profile.preferred_language)
            return response
    return render(
        request,
        "learners/profile.html",
        {"form": form, "page_title": _("Your profile"), "profile": learner_profile},
    )
