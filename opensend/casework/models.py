"""Statutory EHC casework, shaped like the SEN2 tree so that the return is a projection of it.

A *case* is one request for an EHC needs assessment (`Request`) and everything that follows from
it: advice, the `Assessment`, the `Plan` with its named settings, annual `Review`s and
`PhaseTransfer` reviews, and `Dispute`s (mediation and tribunal). Plans transferred in from
another LA, or issued before OpenSEND was used, hang off a request with outcome H ("historical"),
as SEN2 records them. Settings attended stay `people.Placement`; an issued plan's `SenStatus(E)`
is written by `casework.services`, so the register and casework cannot disagree.

Due dates come from `casework.clock` and are stored beside the date the step was done, so lists
sort and filter in SQL. Each case also stores its `next_step` and `next_due_on`, refreshed by the
services whenever the case changes (`casework.next_steps`). Only `casework.services` writes here;
each write adds a `CaseEvent` to the case's timeline.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from opensend.accounts.models import Organisation
from opensend.core import codelists
from opensend.core.models import TimeStampedModel
from opensend.people.models import Establishment, Person

NULLABLE = {"null": True, "blank": True}


def _choices(code_list):
    return [(c.code, c.label) for c in code_list]


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Cases of people the user may see (`people_visible_to`); nothing for anyone else."""
        from opensend.people.queries import people_visible_to

        return self.filter(person__in=people_visible_to(user).values("pk"))

    def open(self):
        return self.filter(closed_on__isnull=True)


class Request(TimeStampedModel):
    """A request for an EHC needs assessment (SEN2 module 2): the root of a case."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Request for an EHC needs assessment"
        REASSESSMENT = "reassessment", "Request for a re-assessment"
        TRANSFER_IN = "transfer_in", "Plan transferred in from another local authority"
        HISTORICAL = "historical", "Plan issued before records began"

    class Stage(models.TextChoices):
        REQUEST = "request", "Deciding whether to assess"
        ASSESSMENT = "assessment", "Assessment"
        PLAN = "plan", "Plan maintained"
        CLOSED = "closed", "Closed"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ehc_requests")
    local_authority = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="ehc_requests"
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="cases",
        **NULLABLE,
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.INITIAL)
    received_on = models.DateField("Date received", **NULLABLE)
    source = models.CharField(
        "Who made the request",
        max_length=1,
        blank=True,
        choices=_choices(codelists.REQUEST_SOURCES),
    )
    in_youth_accommodation = models.BooleanField(
        "Made while in relevant youth accommodation (RYA)", default=False
    )
    outcome = models.CharField(
        max_length=1, choices=_choices(codelists.REQUEST_OUTCOMES), default="A"
    )
    outcome_on = models.DateField("Date of the decision", **NULLABLE)
    decision_due_on = models.DateField(**NULLABLE)
    final_plan_due_on = models.DateField(**NULLABLE)
    transferred_from_la = models.CharField(
        "Transferred in from (LA number)", max_length=3, blank=True
    )
    exported_to_la = models.CharField("Moved to (LA number)", max_length=3, blank=True)
    exported_on = models.DateField(**NULLABLE)
    reassessed_plan = models.ForeignKey(
        "Plan", on_delete=models.CASCADE, related_name="reassessments", **NULLABLE
    )
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.REQUEST)
    closed_on = models.DateField(**NULLABLE)
    next_step = models.CharField(max_length=120, blank=True)
    next_due_on = models.DateField(**NULLABLE)
    next_regulation = models.CharField(max_length=80, blank=True)
    history = HistoricalRecords()

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["caseworker", "next_due_on"]),
            models.Index(fields=["local_authority", "stage", "next_due_on"]),
            models.Index(fields=["received_on"]),
            # "My cases" and the team view: open cases in due-date order, read a page at a time
            models.Index(
                fields=["next_due_on", "received_on", "id"],
                condition=Q(closed_on__isnull=True),
                name="open_cases_by_due_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.reference}"

    @property
    def reference(self) -> str:
        return f"C{self.pk:07d}" if self.pk else ""

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class AdviceRequest(TimeStampedModel):
    """Advice and information sought for an assessment (reg 6), due within 6 weeks (reg 8)."""

    case = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="advice")
    kind = models.CharField(max_length=12, choices=_choices(codelists.ADVICE_KINDS))
    adviser = models.CharField("Who was asked", max_length=200, blank=True)
    requested_on = models.DateField("Date requested")
    due_on = models.DateField()
    returned_on = models.DateField("Date returned", **NULLABLE)
    quality_note = models.TextField("Quality of the advice", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_on", "pk"]


class Assessment(TimeStampedModel):
    """The EHC needs assessment and the decision whether to issue a plan (SEN2 module 3)."""

    case = models.OneToOneField(Request, on_delete=models.CASCADE, related_name="assessment")
    outcome = models.CharField(
        max_length=1, choices=_choices(codelists.ASSESSMENT_OUTCOMES), default="A"
    )
    outcome_on = models.DateField("Date of the decision", **NULLABLE)
    no_plan_notice_due_on = models.DateField(**NULLABLE)
    exception = models.CharField(
        "20-week exception",
        max_length=14,
        blank=True,
        choices=_choices(codelists.TIMESCALE_EXCEPTIONS),
    )
    exception_note = models.TextField(blank=True)
    reassessment_draft_on = models.DateField(
        "Draft amended plan sent after a re-assessment", **NULLABLE
    )
    history = HistoricalRecords()

    @property
    def week20_exception(self) -> bool:
        return bool(self.exception)


class Plan(TimeStampedModel):
    """An EHC plan (SEN2 module 4): drafted, issued, reviewed, and one day ceased."""

    assessment = models.OneToOneField(Assessment, on_delete=models.CASCADE, related_name="plan")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ehc_plans")
    draft_sent_on = models.DateField("Draft plan sent", **NULLABLE)
    issued_on = models.DateField("Final plan issued", **NULLABLE)
    start_date = models.DateField("Plan start date", **NULLABLE)
    ceased_on = models.DateField("Date the plan ceased", **NULLABLE)
    cease_reason = models.CharField(
        max_length=1, blank=True, choices=_choices(codelists.CEASE_REASONS)
    )
    personal_budget = models.BooleanField("Personal budget taken up", default=False)
    organised_arrangements = models.BooleanField("Organised arrangements in place", default=False)
    direct_payments = models.CharField(
        max_length=1, blank=True, choices=_choices(codelists.DIRECT_PAYMENTS)
    )
    residential = models.CharField(
        "Residential setting named",
        max_length=1,
        blank=True,
        choices=_choices(codelists.RESIDENTIAL),
    )
    work_based = models.CharField(
        "Work-based learning", max_length=1, blank=True, choices=_choices(codelists.WORK_BASED)
    )
    next_review_due_on = models.DateField(**NULLABLE)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["issued_on"]),
            models.Index(fields=["ceased_on"]),
            models.Index(fields=["next_review_due_on"]),
        ]

    @property
    def case(self) -> Request:
        return self.assessment.case

    @property
    def is_live(self) -> bool:
        return self.issued_on is not None and self.ceased_on is None


class NamedSetting(TimeStampedModel):
    """A school, college or other setting named in the plan (SEN2 4.7), rank 1 or 2."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="named_settings")
    rank = models.PositiveSmallIntegerField(choices=[(1, "Main"), (2, "Second")], default=1)
    establishment = models.ForeignKey(
        Establishment, on_delete=models.PROTECT, related_name="+", **NULLABLE
    )
    sen_setting = models.CharField(
        "SEN2 setting", max_length=4, blank=True, choices=_choices(codelists.SEN_SETTINGS)
    )
    sen_setting_other = models.CharField("Setting details", max_length=200, blank=True)
    in_sen_unit = models.BooleanField("In an SEN unit", default=False)
    in_resourced_provision = models.BooleanField("In resourced provision", default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "rank"], name="one_named_setting_per_rank"),
            models.CheckConstraint(
                condition=(Q(establishment__isnull=False) & Q(sen_setting=""))
                | (Q(establishment__isnull=True) & ~Q(sen_setting="")),
                name="named_setting_establishment_xor_setting",
            ),
        ]

    @property
    def setting_name(self) -> str:
        if self.establishment_id:
            return self.establishment.name
        return codelists.SEN_SETTINGS.label(self.sen_setting)


class Review(TimeStampedModel):
    """An annual review of a plan (CFA 2014 s.44; SEN2 5.4)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reviews")
    due_on = models.DateField("Review due")
    meeting_on = models.DateField("Review meeting", **NULLABLE)
    report_sent_on = models.DateField("Review report sent", **NULLABLE)
    decision_due_on = models.DateField(**NULLABLE)
    decision_on = models.DateField("Decision notified", **NULLABLE)
    outcome = models.CharField(
        max_length=1, blank=True, choices=_choices(codelists.REVIEW_OUTCOMES)
    )
    amendment_draft_on = models.DateField("Draft amended plan sent", **NULLABLE)
    amended_plan_due_on = models.DateField(**NULLABLE)
    amended_plan_issued_on = models.DateField("Final amended plan issued", **NULLABLE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-due_on", "-pk"]
        indexes = [models.Index(fields=["due_on"]), models.Index(fields=["decision_on"])]


class PhaseTransfer(TimeStampedModel):
    """A review ahead of a move between phases (reg 18), due 15 February or 31 March."""

    class Move(models.TextChoices):
        EARLY_YEARS_TO_SCHOOL = "ey_school", "Early years to school"
        INFANT_TO_JUNIOR = "infant_junior", "Infant to junior school"
        PRIMARY_TO_MIDDLE = "primary_middle", "Primary to middle school"
        PRIMARY_TO_SECONDARY = "primary_secondary", "Primary to secondary school"
        MIDDLE_TO_SECONDARY = "middle_secondary", "Middle to secondary school"
        SECONDARY_TO_POST16 = "post16", "Secondary school to post-16"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phase_transfers")
    move = models.CharField(max_length=20, choices=Move.choices)
    transfer_year = models.PositiveSmallIntegerField("Year of transfer")
    deadline = models.DateField("Amended plan due")
    next_setting = models.ForeignKey(
        Establishment, on_delete=models.PROTECT, related_name="+", **NULLABLE
    )
    amended_plan_issued_on = models.DateField("Amended plan issued", **NULLABLE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-transfer_year", "deadline"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "transfer_year"], name="one_transfer_a_year")
        ]
        indexes = [models.Index(fields=["deadline", "amended_plan_issued_on"])]

    @property
    def to_post16(self) -> bool:
        return self.move == self.Move.SECONDARY_TO_POST16


class Dispute(TimeStampedModel):
    """Disagreement with an appealable decision: mediation, then perhaps the Tribunal."""

    case = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="disputes")
    decision = models.CharField(
        "Decision disputed", max_length=12, choices=_choices(codelists.DISPUTED_DECISIONS)
    )
    decision_on = models.DateField("Date of the decision letter")
    mediation_contact_due_on = models.DateField()
    appeal_due_on = models.DateField()
    mediation_on = models.DateField("Mediation meeting", **NULLABLE)
    mediation_outcome = models.CharField(
        max_length=10, blank=True, choices=_choices(codelists.MEDIATION_OUTCOMES)
    )
    certificate_on = models.DateField("Mediation certificate issued", **NULLABLE)
    appeal_registered_on = models.DateField("Appeal registered", **NULLABLE)
    hearing_on = models.DateField("Hearing", **NULLABLE)
    tribunal_outcome = models.CharField(
        max_length=10, blank=True, choices=_choices(codelists.TRIBUNAL_OUTCOMES)
    )
    tribunal_outcome_on = models.DateField("Date of the Tribunal's decision", **NULLABLE)
    closed_on = models.DateField(**NULLABLE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decision_on", "-pk"]

    @property
    def went_to_mediation(self) -> bool:
        return self.mediation_on is not None

    @property
    def went_to_tribunal(self) -> bool:
        return self.appeal_registered_on is not None


class CaseEvent(models.Model):
    """One entry on a case's timeline: who did what to which record, and on what date.

    Written only by `casework.events`; `occurred_on` is the date the step happened (which may be
    before the day it was recorded, `recorded_at`)."""

    case = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", **NULLABLE
    )
    actor_name = models.CharField(max_length=200, blank=True)
    verb = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField(**NULLABLE)
    occurred_on = models.DateField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-recorded_at", "-pk"]
        indexes = [models.Index(fields=["case", "occurred_on"])]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d %b %Y} {self.verb} {self.object_type}"
