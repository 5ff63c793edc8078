from django.urls import path

from opensend.core import audit_views

app_name = "audit"
urlpatterns = [path("", audit_views.audit_list, name="list")]
