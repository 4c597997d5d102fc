from django.urls import path

from academy_web.http import ID

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(f"courses/<{ID}:course_id>/enrol/", views.enrol, name="enrol"),
    path(f"courses/<{ID}:course_id>/assessment/", views.assessment, name="assessment"),
    path(
        f"courses/<{ID}:course_id>/assessment/start/",
        views.assessment_start,
        name="assessment_start",
    ),
    path(f"lessons/<{ID}:lesson_id>/done/", views.lesson_done, name="lesson_done"),
    path(f"attempts/<{ID}:attempt_id>/", views.attempt, name="attempt"),
    path(
        f"attempts/<{ID}:attempt_id>/result/",
        views.attempt_result,
        name="attempt_result",
    ),
]
