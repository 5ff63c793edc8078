"""What the partnership keeps about its statutory returns: the SEN2 header details the LA
answers for (designated officers), and the reports of SEN2 files checked or imported.

The return itself is never stored: it is a projection of the register and casework
(`returns.sen2.projection`), written on demand.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from opensend.accounts.models import Organisation
from opensend.core.models import TimeStampedModel

DESIGNATED_OFFICER_ANSWERS = [
    ("Y", "Yes, in post"),
    ("N", "No"),
    ("R", "Recruitment in progress"),
]


class Sen2Settings(TimeStampedModel):
    """The LA-level items of the SEN2 header: designated medical, clinical and social care
    officers (DMO, DCO, DSCO), answered Y, N or R."""

    local_authority = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="sen2_settings"
    )
    dmo = models.CharField(
        "Designated Medical Officer (DMO)", max_length=1, choices=DESIGNATED_OFFICER_ANSWERS
    )
    dco = models.CharField(
        "Designated Clinical Officer (DCO)", max_length=1, choices=DESIGNATED_OFFICER_ANSWERS
    )
    dsco = models.CharField(
        "Designated Social Care Officer (DSCO)",
        max_length=1,
        choices=DESIGNATED_OFFICER_ANSWERS,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "SEN2 header details"
        verbose_name_plural = "SEN2 header details"

    def __str__(self) -> str:
        return f"SEN2 header details for {self.local_authority}"


class Sen2Check(models.Model):
    """The report of one SEN2 file checked (and perhaps imported) through the service.

    It holds the problems found, which name children, so it is visible only within the LA that
    made it, every view is audited, and reports older than `KEPT_FOR_DAYS` are deleted when a
    new one is saved.
    """

    KEPT_FOR_DAYS = 30

    class Purpose(models.TextChoices):
        CHECK = "check", "Checked"
        IMPORT = "import", "Imported"

    local_authority = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="sen2_checks"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    checked_at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=6, choices=Purpose.choices, default=Purpose.CHECK)
    file_name = models.CharField(max_length=255)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    reference_date = models.DateField(null=True, blank=True)
    la_code = models.CharField(max_length=3, blank=True)
    persons = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    unreadable = models.TextField(blank=True)
    refused = models.TextField(blank=True, help_text="Why an import did nothing, other than errors")
    problems = models.JSONField(default=list, blank=True)
    problems_not_kept = models.PositiveIntegerField(default=0)
    imported = models.BooleanField(default=False)
    import_summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        indexes = [models.Index(fields=["local_authority", "checked_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.checked_at:%Y-%m-%d %H:%M})"
