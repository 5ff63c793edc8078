from django.urls import path

from opensend.people import views

app_name = "people"
urlpatterns = [
    path("", views.register_list, name="list"),
    path("export/", views.register_export, name="export"),
    path("people/new/", views.person_create, name="create"),
    path("people/<int:person_id>/", views.person_detail, name="detail"),
    path("people/<int:person_id>/edit/", views.person_edit, name="edit"),
    path("people/<int:person_id>/<slug:kind>/new/", views.fact_add, name="fact-add"),
    path("people/<int:person_id>/<slug:kind>/<int:fact_id>/", views.fact_edit, name="fact-edit"),
]
