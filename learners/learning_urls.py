from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<int:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<int:course_id>/assessment/", views.assessment, name="assessment"),
    path(
        "courses/<int:course_id>/assessment/start/",
        views.assessment_start,
        name="assessment_start",
    ),
    path("lessons/<int:lesson_id>/done/", views.lesson_done, name="lesson_done"),
    path("attempts/<int:attempt_id>/", views.attempt, name="attempt"),
    path(
        "attempts/<int:attempt_id>/result/",
        views.attempt_result,
        name="attempt_result",
    ),
]
