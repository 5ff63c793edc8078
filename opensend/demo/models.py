"""Which partnerships, organisations, establishments and Local Offer records `opensend demo`
made, so they can be found, reset and removed without touching anything else."""

from django.db import models

from opensend.accounts.models import Organisation
from opensend.people.models import Establishment


class DemoPartnership(models.Model):
    class Scale(models.TextChoices):
        LOCAL_AUTHORITY = "la", "One local authority"
        NATIONAL = "national", "England"

    local_authority = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="demo_partnership"
    )
    scale = models.CharField(max_length=8, choices=Scale.choices)
    seed = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    organisations = models.ManyToManyField(Organisation, related_name="+", blank=True)
    establishments = models.ManyToManyField(Establishment, related_name="+", blank=True)
    # The demo Local Offer: its providers (and with them their venues and services) and the
    # starting guidance pages this partnership created.
    providers = models.ManyToManyField("directory.Provider", related_name="+", blank=True)
    guidance_pages = models.ManyToManyField("directory.GuidancePage", related_name="+", blank=True)

    class Meta:
        ordering = ["local_authority__name"]

    def __str__(self) -> str:
        return f"Demo partnership: {self.local_authority}"
