"""The Local Offer directory, shaped like Open Referral UK 3.0 (the UK profile of HSDS 3.0).

Every record an ORUK feed publishes has a UUID primary key, so the ids in the API are the
database's own. A service's public details are the last approved version: providers' edits wait
as a `ServiceRevision` until a directory editor at the local authority approves them (see
docs/directory.md and decision 0008).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opensend.directory.words import AGE_LIMIT, STATUS_LABELS, WEEKDAY_NAMES

age_validators = [MinValueValidator(0), MaxValueValidator(AGE_LIMIT)]


class Vocabulary(models.TextChoices):
    """What a taxonomy's terms describe when attached to a service: ORUK `attribute.link_type`."""

    CATEGORY = "category", "Category of service"
    NEED = "need", "Special educational need or disability"
    AGE_GROUP = "age_group", "Age group"
    ACCESSIBILITY = "accessibility", "Accessibility of venues"
    DELIVERY = "delivery", "How the service is delivered"


class Taxonomy(models.Model):
    """A vocabulary of terms (ORUK `taxonomy`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vocabulary = models.CharField(max_length=16, choices=Vocabulary.choices, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField()
    uri = models.URLField(blank=True, help_text="Where the vocabulary is published, if anywhere")
    version = models.CharField(max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    modified_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """One term of a taxonomy (ORUK `taxonomy_term`), optionally under a broader term."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField(max_length=200)
    description = models.TextField()
    code = models.SlugField(max_length=80, help_text="A short stable name used in page addresses")
    term_uri = models.URLField("Term URI", blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Age groups only: services whose ages overlap these are tagged with the term automatically.
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True, validators=age_validators)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True, validators=age_validators)
    is_active = models.BooleanField(
        default=True,
        help_text="Retired terms stay on the records that use them but are not offered",
    )
    modified_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["taxonomy__position", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Provider(models.Model):
    """An organisation that runs services (ORUK `organization`).

    `account_organisation` links it to the partner organisation whose directory editors may
    propose changes to its services.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    identifier_scheme = models.CharField(
        max_length=20, blank=True, help_text="An org-id.guide list code, like GB-CHC or GB-COH"
    )
    identifier = models.CharField(max_length=40, blank=True)
    account_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_providers",
    )
    modified_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place people visit"
    POSTAL = "postal", "A postal address only"
    VIRTUAL = "virtual", "Online"


class Location(models.Model):
    """A venue where services are delivered (ORUK `location` with one `address`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    address_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="locations")
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    address_1 = models.CharField("Building and street", max_length=200, blank=True)
    city = models.CharField("Town or city", max_length=100, blank=True)
    state_province = models.CharField("County", max_length=100, blank=True)
    postal_code = models.CharField("Postcode", max_length=8, blank=True)
    country = models.CharField(max_length=2, default="GB")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    uprn = models.CharField("UPRN", max_length=12, blank=True)
    accessibility = models.ManyToManyField(
        TaxonomyTerm,
        through="LocationAccessibility",
        blank=True,
        related_name="locations",
    )
    modified_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_address(self) -> bool:
        return bool(self.address_1 and self.city and self.postal_code)


class LocationAccessibility(models.Model):
    """An accessibility feature of a venue (ORUK `accessibility`), from its taxonomy."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, on_delete=models.CASCADE)
    term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["location", "term"], name="unique_location_feature")
        ]

    def __str__(self) -> str:
        return f"{self.term} at {self.location}"


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", STATUS_LABELS["active"]
    TEMPORARILY_CLOSED = "temporarily closed", STATUS_LABELS["temporarily closed"]
    INACTIVE = "inactive", STATUS_LABELS["inactive"]
    DEFUNCT = "defunct", STATUS_LABELS["defunct"]


class Service(models.Model):
    """A service in the Local Offer (ORUK `service`): its approved, public details.

    `last_modified` moves whenever the service or anything attached to it changes (ORUK's
    meaning); `assured_date` is when a directory editor last confirmed the details.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    description = models.TextField()
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    url = models.URLField("Website", blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True, validators=age_validators)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True, validators=age_validators)
    is_free = models.BooleanField(default=True)
    fees = models.TextField(blank=True, help_text="What it costs, when it is not free")
    referral_required = models.BooleanField(default=False)
    how_to_access = models.TextField(blank=True)
    send_support = models.TextField(
        "How the service supports children and young people with SEND", blank=True
    )
    schedule_description = models.CharField(max_length=300, blank=True)
    alert = models.CharField(max_length=300, blank=True, help_text="A short-term notice")
    is_published = models.BooleanField(
        default=False, help_text="False until a directory editor first approves the service"
    )
    assured_date = models.DateField("Last reviewed", null=True, blank=True)
    assurer_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_modified = models.DateTimeField(default=timezone.now, db_index=True)
    locations = models.ManyToManyField(
        Location, through="ServiceAtLocation", blank=True, related_name="services"
    )
    terms = models.ManyToManyField(
        TaxonomyTerm, through="ServiceAttribute", blank=True, related_name="services"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["is_published", "name"])]

    def __str__(self) -> str:
        return self.name


class ServiceAtLocation(models.Model):
    """Where a service is delivered (ORUK `service_at_location`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="at_services")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="unique_service_location")
        ]

    def __str__(self) -> str:
        return f"{self.service} at {self.location}"


class ServiceAttribute(models.Model):
    """A taxonomy term attached to a service (ORUK `attribute`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "term"], name="unique_service_term")
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.term}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, WEEKDAY_NAMES[0]
    TUESDAY = 1, WEEKDAY_NAMES[1]
    WEDNESDAY = 2, WEEKDAY_NAMES[2]
    THURSDAY = 3, WEEKDAY_NAMES[3]
    FRIDAY = 4, WEEKDAY_NAMES[4]
    SATURDAY = 5, WEEKDAY_NAMES[5]
    SUNDAY = 6, WEEKDAY_NAMES[6]


class OpeningTime(models.Model):
    """A weekly opening time (ORUK `schedule` with `freq` WEEKLY and one `byday`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="opening_times")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens_at = models.TimeField()
    closes_at = models.TimeField()

    class Meta:
        ordering = ["weekday", "opens_at"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M} to {self.closes_at:%H:%M}"


class CostOption(models.Model):
    """A price (ORUK `cost_option`); amounts are in pounds."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["option"]

    def __str__(self) -> str:
        return self.option


class Contact(models.Model):
    """Who to contact about a service (ORUK `contact`; phone and email as HSDS 3.0 extras)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150)
    title = models.CharField("Job title", max_length=150, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceArea(models.Model):
    """The area a service covers (ORUK `service_area`), e.g. an LA with its ONS code URI."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=200)
    uri = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RevisionState(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ServiceRevision(models.Model):
    """One proposed or approved version of a service's details, as a snapshot
    (`opensend.directory.records`). Approved revisions are the service's history; a pending one
    is in the review queue."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    state = models.CharField(max_length=10, choices=RevisionState.choices)
    note = models.CharField(
        max_length=500, blank=True, help_text="What the person proposing it said about the change"
    )
    source = models.CharField(max_length=20, default="form")  # form, import, confirmation, demo
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, help_text="Why it was rejected")

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="unique_revision_number"),
            models.UniqueConstraint(
                fields=["service"],
                condition=models.Q(state="pending"),
                name="one_pending_revision_per_service",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} version {self.number}"


class SuggestionTopic(models.TextChoices):
    OUT_OF_DATE = "out_of_date", "Something is out of date"
    EXTRA = "extra", "I have extra information to add"
    CLOSED = "closed", "The service has closed"
    OTHER = "other", "Something else"


class ChangeSuggestion(models.Model):
    """A member of the public's suggestion that a service's details need changing."""

    class State(models.TextChoices):
        NEW = "new", "New"
        DONE = "done", "Dealt with"
        DISMISSED = "dismissed", "Dismissed"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="suggestions")
    topic = models.CharField(max_length=16, choices=SuggestionTopic.choices)
    details = models.TextField()
    name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.NEW)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    response = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.service}"


class ReviewReminder(models.Model):
    """A reminder sent to a provider that a service has not been reviewed for six months."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.TextField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Reminder about {self.service}"


class GuidancePage(models.Model):
    """Ordinarily available provision: what every setting should offer for a broad area of need,
    linked to the services tagged with its needs."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400)
    body = models.TextField(
        help_text="Paragraphs separated by a blank line; '## ' starts a heading, '- ' a bullet"
    )
    needs = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="guidance_pages")
    position = models.PositiveSmallIntegerField(default=0)
    is_published = models.BooleanField(default=True)
    modified_at = models.DateTimeField(default=timezone.now)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title
