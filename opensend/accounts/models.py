"""Users, organisations and roles."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from opensend.accounts.roles import OrganisationKind, Role

la_code_validator = RegexValidator(r"^\d{3}$", "A DfE LA number has 3 digits, like 383")
urn_validator = RegexValidator(r"^\d{6}$", "A URN has 6 digits")
ukprn_validator = RegexValidator(r"^\d{8}$", "A UKPRN has 8 digits")


class Organisation(models.Model):
    """A partner: local authority, ICB, school or setting, provider or parent carer forum."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=OrganisationKind.choices)
    la_code = models.CharField(
        "DfE LA number", max_length=3, blank=True, validators=[la_code_validator]
    )
    urn = models.CharField("URN", max_length=6, blank=True, validators=[urn_validator])
    ukprn = models.CharField("UKPRN", max_length=8, blank=True, validators=[ukprn_validator])
    ods_code = models.CharField("NHS ODS code", max_length=10, blank=True)
    local_authorities = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="partners",
        limit_choices_to={"kind": OrganisationKind.LOCAL_AUTHORITY},
        help_text="The local authorities whose partnership this organisation belongs to",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["la_code"], condition=models.Q(kind="la"), name="unique_la_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_local_authority(self) -> bool:
        return self.kind == OrganisationKind.LOCAL_AUTHORITY

    def covered_local_authority_ids(self) -> list[int]:
        """The LAs whose children this organisation's staff may work with."""
        if self.is_local_authority:
            return [self.pk]
        return list(self.local_authorities.values_list("pk", flat=True))


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An account needs an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        fields.setdefault("role", Role.ADMINISTRATOR)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address."""

    email = models.EmailField("Email address", unique=True)
    full_name = models.CharField(max_length=150)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("Can use the Django admin", default=False)
    is_demo = models.BooleanField(
        default=False, help_text="Created by `opensend demo`; refused in production"
    )
    date_joined = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
