from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "opensend.casework"
    verbose_name = "EHC casework"
