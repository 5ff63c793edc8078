from django.urls import path

from opensend.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("insight/", views.area_page("insight"), name="insight"),
    path("governance/", views.area_page("governance"), name="governance"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
]
