"""Included by ``certificates.urls``, so the names stay in its namespace."""

from django.urls import path

from academy_web.http import ID

from . import views

urlpatterns = [
    path("certificates/<str:serial>/badge/", views.badge_download, name="badge"),
    path(".well-known/jwks.json", views.jwks, name="openbadges_jwks"),
    path("openbadges/issuer/", views.issuer_profile, name="openbadges_issuer"),
    path(
        f"openbadges/achievements/<{ID}:award_id>/",
        views.achievement,
        name="openbadges_achievement",
    ),
    path(
        "openbadges/status/revocation/",
        views.revocation_list,
        name="openbadges_revocation_list",
    ),
]
