from opensend.casework import urls_case, urls_lists

app_name = "casework"
urlpatterns = urls_lists.urlpatterns + urls_case.urlpatterns
