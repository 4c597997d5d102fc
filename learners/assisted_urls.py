from django.urls import path

from academy_web.http import ID

from . import assisted_views

urlpatterns = [
    path("code/", assisted_views.code_sign_in, name="assisted_code_sign_in"),
    path(
        "sign-in-options/",
        assisted_views.sign_in_options,
        name="sign_in_options",
    ),
    path("assisted/", assisted_views.residents, name="assisted_residents"),
    path(
        "assisted/register/",
        assisted_views.register,
        name="assisted_register",
    ),
    path(
        f"assisted/residents/<{ID}:user_id>/",
        assisted_views.resident,
        name="assisted_resident",
    ),
    path(
        f"assisted/residents/<{ID}:user_id>/sheet/",
        assisted_views.sheet,
        name="assisted_sheet",
    ),
    path(
        "assisted/paper-results/",
        assisted_views.paper_result,
        name="paper_result",
    ),
]
