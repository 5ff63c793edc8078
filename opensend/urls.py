from django.urls import include, path

urlpatterns = [
    path("", include("opensend.accounts.urls")),
    path("", include("opensend.core.urls")),
    path("local-offer/", include("opensend.directory.public_urls")),
    path("register/", include("opensend.people.urls")),
    path("casework/", include("opensend.casework.urls")),
    path("returns/", include("opensend.returns.urls")),
    path("audit/", include("opensend.core.audit_urls")),
    path("import/", include("opensend.imports.urls")),
    path("api/oruk/", include("opensend.directory.api_urls")),
    path("directory/", include("opensend.directory.editor_urls")),
]

handler403 = "opensend.core.views.permission_denied"
handler404 = "opensend.core.views.page_not_found"
handler500 = "opensend.core.views.server_error"
