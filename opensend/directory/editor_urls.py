from django.urls import path

from opensend.directory import editor_manage_views as manage
from opensend.directory import editor_views as views
from opensend.directory import transfer_views

app_name = "directory"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("services/", views.service_list, name="services"),
    path("services/new/", views.service_new, name="service-new"),
    path("services/<uuid:service_id>/", views.service_detail, name="service"),
    path("services/<uuid:service_id>/change/", views.service_edit, name="service-edit"),
    path("services/<uuid:service_id>/confirm/", views.confirm, name="service-confirm"),
    path("changes/", views.queue, name="queue"),
    path("changes/<int:revision_id>/", views.revision_detail, name="revision"),
    path("changes/<int:revision_id>/withdraw/", views.withdraw, name="revision-withdraw"),
    path("overdue/", views.overdue, name="overdue"),
    path("overdue/remind/", views.send_reminders, name="remind"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("suggestions/<int:suggestion_id>/", views.suggestion, name="suggestion"),
    path("providers/", manage.provider_list, name="providers"),
    path("providers/new/", manage.provider_edit, name="provider-new"),
    path("providers/<uuid:provider_id>/", manage.provider_detail, name="provider"),
    path("providers/<uuid:provider_id>/change/", manage.provider_edit, name="provider-edit"),
    path("providers/<uuid:provider_id>/venues/new/", manage.venue_edit, name="venue-new"),
    path("providers/<uuid:provider_id>/venues/<uuid:venue_id>/", manage.venue_edit, name="venue"),
    path("taxonomies/", manage.taxonomy_list, name="taxonomies"),
    path("taxonomies/<uuid:taxonomy_id>/", manage.taxonomy_detail, name="taxonomy"),
    path("taxonomies/<uuid:taxonomy_id>/terms/new/", manage.term_edit, name="term-new"),
    path("taxonomies/<uuid:taxonomy_id>/terms/<uuid:term_id>/", manage.term_edit, name="term"),
    path("guidance/", manage.guidance_list, name="guidance"),
    path("guidance/new/", manage.guidance_edit, name="guidance-new"),
    path("guidance/<int:page_id>/", manage.guidance_edit, name="guidance-edit"),
    path("import-export/", transfer_views.transfer_page, name="transfer"),
    path("import-export/services.csv", transfer_views.export, name="export"),
]
