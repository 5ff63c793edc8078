"""The public Local Offer, mounted at /local-offer/ (no sign-in)."""

from django.urls import path

from opensend.directory import public_views as views
from opensend.directory import shortlist_views

app_name = "local_offer"

urlpatterns = [
    path("", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service_page, name="service"),
    path(
        "services/<uuid:service_id>/suggest-a-change/",
        views.suggest_change,
        name="suggest-change",
    ),
    path(
        "services/<uuid:service_id>/suggest-a-change/sent/",
        views.suggestion_sent,
        name="suggestion-sent",
    ),
    path("shortlist/", shortlist_views.shortlist_page, name="shortlist"),
    path("shortlist/add/", shortlist_views.shortlist_add, name="shortlist-add"),
    path("shortlist/remove/", shortlist_views.shortlist_remove, name="shortlist-remove"),
    path("shortlist/shared/", shortlist_views.shortlist_shared, name="shared"),
    path("guidance/", views.guidance_list, name="guidance"),
    path("guidance/<slug:slug>/", views.guidance_page, name="guidance-page"),
]
