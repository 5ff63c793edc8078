"""The register: children and young people aged 0-25 with SEN, and every dated fact about them.

Shaped so that SEN2, the school census and Annex A are projections of it. Each fact has the dates
it was true from and to (`end_date` blank while it still is), so `queries.register_as_at(date)`
rebuilds the register on any past date; simple-history keeps every edit of every row.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from opensend.accounts.models import Organisation
from opensend.core import codelists
from opensend.core.models import TimeStampedModel


def _choices(code_list):
    return [(c.code, c.label) for c in code_list]


class DatedFact(TimeStampedModel):
    """A fact true from `start_date` until `end_date` (inclusive; blank = still true)."""

    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date must be on or after the start date"})

    def is_current(self, on) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)


def current_on(on, prefix: str = "") -> Q:
    """Filter for facts true on a date: start on or before it, not ended before it."""
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        from opensend.people.queries import people_visible_to

        return people_visible_to(user, self)


class Person(TimeStampedModel):
    """A child or young person on the register."""

    upn = models.CharField("UPN", max_length=13, blank=True, db_index=True)
    uln = models.CharField("ULN", max_length=10, blank=True, db_index=True)
    upn_unknown = models.CharField(
        "UPN unknown reason", max_length=4, blank=True, choices=_choices(codelists.UPN_UNKNOWN)
    )
    local_id = models.CharField(
        "Local ID",
        max_length=40,
        blank=True,
        db_index=True,
        help_text="The person's ID in the local authority's case management system",
    )
    forename = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100, db_index=True)
    preferred_name = models.CharField(max_length=100, blank=True)
    birth_date = models.DateField("Date of birth")
    sex = models.CharField(max_length=1, choices=_choices(codelists.SEX))
    ethnicity = models.CharField(max_length=4, choices=_choices(codelists.ETHNICITY))
    postcode = models.CharField(max_length=8, blank=True)
    responsible_la = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people",
        limit_choices_to={"kind": "la"},
        verbose_name="Responsible local authority",
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    # What a person's record says about them (forms, imports and the demo all write these).
    DETAIL_FIELDS = [
        "forename",
        "middle_names",
        "surname",
        "preferred_name",
        "birth_date",
        "sex",
        "ethnicity",
        "postcode",
        "upn",
        "uln",
        "upn_unknown",
        "local_id",
    ]

    class Meta:
        ordering = ["surname", "forename", "id"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["responsible_la", "upn"], condition=~Q(upn=""), name="unique_upn_per_la"
            ),
            models.UniqueConstraint(
                fields=["responsible_la", "uln"], condition=~Q(uln=""), name="unique_uln_per_la"
            ),
            models.UniqueConstraint(
                fields=["responsible_la", "local_id"],
                condition=~Q(local_id=""),
                name="unique_local_id_per_la",
            ),
        ]
        indexes = [models.Index(fields=["responsible_la", "surname", "forename"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.forename, self.surname) if p)

    @property
    def reference(self) -> str:
        return f"P{self.pk:07d}" if self.pk else ""


class SenStatus(DatedFact):
    """SEN support (K) or an EHC plan (E), with the dates it applied."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sen_statuses")
    provision = models.CharField(max_length=1, choices=_choices(codelists.SEN_PROVISION))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = "SEN status"
        verbose_name_plural = "SEN statuses"
        indexes = [models.Index(fields=["provision", "start_date", "end_date"])]


class Need(DatedFact):
    """A special educational need, ranked 1 (primary) or 2 (secondary)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="needs")
    need_type = models.CharField(max_length=4, choices=_choices(codelists.NEED_TYPES))
    rank = models.PositiveSmallIntegerField(choices=[(1, "Primary"), (2, "Secondary")])
    history = HistoricalRecords()

    class Meta:
        ordering = ["rank", "-start_date"]
        indexes = [models.Index(fields=["need_type", "rank"])]


class Establishment(models.Model):
    """A school, college or other setting (reference data, from GIAS or UKRLP)."""

    urn = models.CharField("URN", max_length=6, blank=True, db_index=True)
    ukprn = models.CharField("UKPRN", max_length=8, blank=True, db_index=True)
    name = models.CharField(max_length=200)
    la_code = models.CharField("DfE LA number", max_length=3, blank=True)
    establishment_type = models.CharField(
        max_length=32, choices=_choices(codelists.ESTABLISHMENT_TYPES)
    )
    phase = models.CharField(max_length=20, choices=_choices(codelists.PHASES))
    has_sen_unit = models.BooleanField("SEN unit", default=False)
    has_resourced_provision = models.BooleanField("Resourced provision", default=False)
    postcode = models.CharField(max_length=8, blank=True)
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["urn"], condition=~Q(urn=""), name="unique_urn"),
            models.UniqueConstraint(
                fields=["ukprn"], condition=Q(urn=""), name="unique_ukprn_without_urn"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def identifier(self) -> str:
        return f"URN {self.urn}" if self.urn else f"UKPRN {self.ukprn}"


class Placement(DatedFact):
    """A setting the person attends (SEN2 PlacementDetail): an establishment, or an SEN2 setting
    code where there is none (home education, other arrangements, NEET ...).

    Rank 1 is the main registration, rank 2 a subsidiary (dual registration).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="placements")
    establishment = models.ForeignKey(
        Establishment, null=True, blank=True, on_delete=models.PROTECT, related_name="placements"
    )
    sen_setting = models.CharField(
        "SEN2 setting", max_length=4, blank=True, choices=_choices(codelists.SEN_SETTINGS)
    )
    sen_setting_other = models.CharField("Setting details", max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField(choices=[(1, "Main"), (2, "Subsidiary")], default=1)
    in_sen_unit = models.BooleanField("In an SEN unit", default=False)
    in_resourced_provision = models.BooleanField("In resourced provision", default=False)
    residential = models.CharField(
        max_length=1,
        blank=True,
        choices=[("A", "Residential 38 to 51 weeks"), ("B", "Residential 52 weeks")],
    )
    work_based = models.CharField(
        "Work-based learning",
        max_length=1,
        blank=True,
        choices=[("A", "Apprenticeship"), ("T", "Traineeship"), ("S", "Supported internship")],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["rank", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(establishment__isnull=False) & Q(sen_setting=""))
                | (Q(establishment__isnull=True) & ~Q(sen_setting="")),
                name="placement_establishment_xor_setting",
            )
        ]

    def clean(self):
        super().clean()
        if bool(self.establishment_id) == bool(self.sen_setting):
            raise ValidationError(
                "Choose either a school or setting, or an SEN2 setting code, not both"
            )

    @property
    def setting_name(self) -> str:
        if self.establishment_id:
            return self.establishment.name
        return codelists.SEN_SETTINGS.label(self.sen_setting)


class Circumstance(DatedFact):
    """CLA, CIN, CP, FSM, pupil premium, EHE, young carer, disability, known to social care."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="circumstances")
    kind = models.CharField(max_length=4, choices=_choices(codelists.CIRCUMSTANCES))
    detail = models.CharField(
        max_length=200, blank=True, help_text="For example the children's social care team"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["kind", "start_date", "end_date"])]


class AttendanceSummary(TimeStampedModel):
    """One term's attendance at one setting, as the school census records it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    establishment = models.ForeignKey(
        Establishment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    academic_year = models.PositiveSmallIntegerField(help_text="2024 means 2024/25")
    term = models.CharField(max_length=3, choices=_choices(codelists.TERMS))
    sessions_possible = models.PositiveIntegerField()
    sessions_authorised_absence = models.PositiveIntegerField(default=0)
    sessions_unauthorised_absence = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-academic_year", "-term"]
        verbose_name_plural = "attendance summaries"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "establishment", "academic_year", "term"],
                name="unique_attendance_per_term",
            )
        ]

    PERSISTENT_ABSENCE_THRESHOLD = 0.10

    def clean(self):
        super().clean()
        if self.sessions_missed > self.sessions_possible:
            raise ValidationError("Sessions missed cannot be more than sessions possible")

    @property
    def sessions_missed(self) -> int:
        return self.sessions_authorised_absence + self.sessions_unauthorised_absence

    @property
    def absence_rate(self) -> float:
        return self.sessions_missed / self.sessions_possible if self.sessions_possible else 0.0

    @property
    def persistently_absent(self) -> bool:
        return self.absence_rate >= self.PERSISTENT_ABSENCE_THRESHOLD


class Exclusion(TimeStampedModel):
    """A suspension or permanent exclusion."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="exclusions")
    establishment = models.ForeignKey(
        Establishment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=_choices(codelists.EXCLUSION_KINDS))
    start_date = models.DateField()
    sessions = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Length of a suspension in sessions (half days)"
    )
    reason = models.CharField(max_length=2, choices=_choices(codelists.EXCLUSION_REASONS))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date"]
