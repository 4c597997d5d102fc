from django.urls import path

from . import cohort_views

urlpatterns = [
    path("cohorts/", cohort_views.cohort_list, name="cohorts"),
    path("cohorts/<int:cohort_id>/", cohort_views.cohort_detail, name="cohort"),
    path(
        "cohorts/<int:cohort_id>/progress/",
        cohort_views.cohort_progress,
        name="cohort_progress",
    ),
    path(
        "cohorts/<int:cohort_id>/skills/<int:course_id>/",
        cohort_views.cohort_skills,
        name="cohort_skills",
    ),
    path(
        "cohorts/<int:cohort_id>/skills/<int:course_id>/undo/",
        cohort_views.cohort_skill_undo,
        name="cohort_skill_undo",
    ),
    path(
        "sessions/<int:session_id>/register/",
        cohort_views.session_register,
        name="session_register",
    ),
]
