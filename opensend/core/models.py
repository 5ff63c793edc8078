"""Base models and the access log."""

from django.conf import settings
from django.db import models


class TimeStampedModel(models.Model):
    """Who created and last changed a record, and when."""

    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class AccessEvent(models.Model):
    """One look at, or export of, personal data: who, when, what and why (UK GDPR accountability).

    Written by `opensend.core.audit.record_access` on every view of a person record and every
    export; never changed or deleted through the service.
    """

    class Action(models.TextChoices):
        VIEW = "view", "Viewed a record"
        SEARCH = "search", "Searched the register"
        EXPORT = "export", "Exported data"
        IMPORT = "import", "Imported data"

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The email address is kept with the event, so the log outlives a deleted account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="access_events"
    )
    user_email = models.CharField(max_length=254)
    action = models.CharField(max_length=16, choices=Action.choices)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    purpose = models.CharField(max_length=200)
    detail = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["user", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.user_email} {self.action} {self.object_type} {self.object_id}"
