from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "opensend.imports"
    label = "imports"
    verbose_name = "Imports"
