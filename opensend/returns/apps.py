from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "opensend.returns"
    label = "returns"
    verbose_name = "Statutory returns"
