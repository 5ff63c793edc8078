"""Factories for synthetic test records (en_GB Faker; never real people)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from opensend.accounts.models import Organisation, User
from opensend.accounts.roles import OrganisationKind, Role
from opensend.core.identifiers import make_upn
from opensend.people.models import (
    Circumstance,
    Establishment,
    Need,
    Person,
    Placement,
    SenStatus,
)

PASSWORD = "correct-horse-battery-staple"


class LocalAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("kind", "la_code")

    kind = OrganisationKind.LOCAL_AUTHORITY
    name = factory.Sequence(lambda n: f"Testshire {n}")
    la_code = factory.Sequence(lambda n: f"{800 + n % 199:03d}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.ICB
    name = factory.Sequence(lambda n: f"Partner organisation {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    role = Role.CASEWORKER
    organisation = factory.SubFactory(LocalAuthorityFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class EstablishmentFactory(DjangoModelFactory):
    class Meta:
        model = Establishment

    urn = factory.Sequence(lambda n: f"{100000 + n:06d}")
    name = factory.Sequence(lambda n: f"Test Primary School {n}")
    la_code = "800"
    establishment_type = "LA_MAINSTREAM"
    phase = "PRIMARY"


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    forename = factory.Faker("first_name", locale="en_GB")
    surname = factory.Faker("last_name", locale="en_GB")
    birth_date = dt.date(2014, 5, 17)
    sex = "F"
    ethnicity = "WBRI"
    postcode = "LS1 4AP"
    upn = factory.Sequence(lambda n: make_upn(800, 2000 + n % 1000, 15, n))
    responsible_la = factory.SubFactory(LocalAuthorityFactory)


class SenStatusFactory(DjangoModelFactory):
    class Meta:
        model = SenStatus

    person = factory.SubFactory(PersonFactory)
    provision = "E"
    start_date = dt.date(2020, 9, 1)


class NeedFactory(DjangoModelFactory):
    class Meta:
        model = Need

    person = factory.SubFactory(PersonFactory)
    need_type = "ASD"
    rank = 1
    start_date = dt.date(2020, 9, 1)


class PlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement

    person = factory.SubFactory(PersonFactory)
    establishment = factory.SubFactory(EstablishmentFactory)
    rank = 1
    start_date = dt.date(2020, 9, 1)


class CircumstanceFactory(DjangoModelFactory):
    class Meta:
        model = Circumstance

    person = factory.SubFactory(PersonFactory)
    kind = "FSM"
    start_date = dt.date(2021, 1, 1)
