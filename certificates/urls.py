from django.urls import include, path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("certificates/<str:serial>/download/", views.download, name="download"),
    path("", include("certificates.openbadges.urls")),
]
