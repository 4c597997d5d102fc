from django.urls import path

from academy_web.http import ID

from . import views

urlpatterns = [
    path("code/", views.code_sign_in, name="assisted_code_sign_in"),
    path(
        "sign-in-options/",
        views.sign_in_options,
        name="sign_in_options",
    ),
    path("assisted/", views.residents, name="assisted_residents"),
    path(
        "assisted/register/",
        views.register,
        name="assisted_register",
    ),
    path(
        f"assisted/residents/<{ID}:user_id>/",
        views.resident,
        name="assisted_resident",
    ),
    path(
        f"assisted/residents/<{ID}:user_id>/sheet/",
        views.sheet,
        name="assisted_sheet",
    ),
    path(
        "assisted/paper-results/",
        views.paper_result,
        name="paper_result",
    ),
]
