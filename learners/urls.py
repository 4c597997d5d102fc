from django.urls import include, path

app_name = "learners"

urlpatterns = [
    path("", include("learners.learning_urls")),
    path("", include("learners.accounts.urls")),
    path("", include("learners.cohorts.urls")),
    path("", include("learners.assisted.urls")),
]
