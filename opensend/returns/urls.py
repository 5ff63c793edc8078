from django.urls import path

from opensend.returns import views

app_name = "returns"
urlpatterns = [
    path("", views.index, name="index"),
    path("sen2/", views.sen2, name="sen2"),
    path("sen2/header/", views.header_details, name="header"),
    path("sen2/export/", views.export, name="export"),
    path("sen2/check/", views.check, name="check"),
    path("sen2/import/", views.import_file, name="import"),
    path("sen2/reports/<int:check_id>/", views.report, name="report"),
    path(
        "sen2/reports/<int:check_id>/problems.xlsx", views.report_problems, name="report_problems"
    ),
    path("sen2/statistics/", views.statistics, name="statistics"),
    path(
        "sen2/statistics/<str:iso_date>/all.zip",
        views.statistics_download,
        name="statistics_download_all",
    ),
    path(
        "sen2/statistics/<str:iso_date>/<slug:table>.csv",
        views.statistics_download,
        name="statistics_download",
    ),
]
