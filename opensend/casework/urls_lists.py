"""The casework lists and their downloads (`casework:` names)."""

from django.urls import path

from opensend.casework.views import lists as views

urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("download/", views.my_cases_export, name="my_cases_export"),
    path("assessments/", views.tracker, name="tracker"),
    path("assessments/download/", views.tracker_export, name="tracker_export"),
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/download/", views.reviews_export, name="reviews_export"),
    path("phase-transfers/", views.phase_transfers, name="phase_transfers"),
    path("phase-transfers/download/", views.phase_transfers_export, name="phase_transfers_export"),
    path("team/", views.team, name="team"),
    path("team/assign/", views.team_assign, name="team_assign"),
    path("team/download/", views.team_export, name="team_export"),
]
