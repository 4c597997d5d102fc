from django.urls import path

from academy_web.http import ID

from . import cohort_views

urlpatterns = [
    path("cohorts/", cohort_views.cohort_list, name="cohorts"),
    path(f"cohorts/<{ID}:cohort_id>/", cohort_views.cohort_detail, name="cohort"),
    path(
        f"cohorts/<{ID}:cohort_id>/progress/",
        cohort_views.cohort_progress,
        name="cohort_progress",
    ),
    path(
        f"cohorts/<{ID}:cohort_id>/skills/<{ID}:course_id>/",
        cohort_views.cohort_skills,
        name="cohort_skills",
    ),
    path(
        f"cohorts/<{ID}:cohort_id>/skills/<{ID}:course_id>/undo/",
        cohort_views.cohort_skill_undo,
        name="cohort_skill_undo",
    ),
    path(
        f"sessions/<{ID}:session_id>/register/",
        cohort_views.session_register,
        name="session_register",
    ),
]
