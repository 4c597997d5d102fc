from django.urls import path

from academy_web.http import ID

from . import views

urlpatterns = [
    path("cohorts/", views.cohort_list, name="cohorts"),
    path(f"cohorts/<{ID}:cohort_id>/", views.cohort_detail, name="cohort"),
    path(
        f"cohorts/<{ID}:cohort_id>/progress/",
        views.cohort_progress,
        name="cohort_progress",
    ),
    path(
        f"cohorts/<{ID}:cohort_id>/skills/<{ID}:course_id>/",
        views.cohort_skills,
        name="cohort_skills",
    ),
    path(
        f"cohorts/<{ID}:cohort_id>/skills/<{ID}:course_id>/undo/",
        views.cohort_skill_undo,
        name="cohort_skill_undo",
    ),
    path(
        f"sessions/<{ID}:session_id>/register/",
        views.session_register,
        name="session_register",
    ),
]
