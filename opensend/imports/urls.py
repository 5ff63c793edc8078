from django.urls import path

from opensend.imports import views

app_name = "imports"
urlpatterns = [
    path("register/", views.upload, name="upload"),
    path("register/example.csv", views.example, name="example"),
    path("register/guidance/", views.guidance, name="guidance"),
]
