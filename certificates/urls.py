from django.urls import path

from academy_web.http import ID

from . import openbadges_views, views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("certificates/<str:serial>/download/", views.download, name="download"),
    path(
        "certificates/<str:serial>/badge/",
        openbadges_views.badge_download,
        name="badge",
    ),
    path(".well-known/jwks.json", openbadges_views.jwks, name="openbadges_jwks"),
    path(
        "openbadges/issuer/",
        openbadges_views.issuer_profile,
        name="openbadges_issuer",
    ),
    path(
        f"openbadges/achievements/<{ID}:award_id>/",
        openbadges_views.achievement,
        name="openbadges_achievement",
    ),
    path(
        "openbadges/status/revocation/",
        openbadges_views.revocation_list,
        name="openbadges_revocation_list",
    ),
]
