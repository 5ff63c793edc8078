"""Demo partnerships for Leeds and York in the database reproduce DfE's January 2025 figures.

Each is made once for this module (Leeds takes about 15 seconds) and removed at the end.
"""

import datetime as dt

import polars as pl
import pytest

from opensend.accounts.models import Organisation, User
from opensend.accounts.roles import OrganisationKind, Role
from opensend.demo.census import ehc_caseload, sen_support_count
from opensend.demo.generator import create_partnership, remove_all_demo_data
from opensend.demo.journeys import CENSUS_DATE
from opensend.demo.published import targets_for
from opensend.people.models import Establishment, Person, Placement, current_on
from opensend.people.register import register_as_at

TODAY = dt.date(2026, 11, 22)
TOLERANCE = 0.02


def make(name):
    return create_partnership(targets_for(name), seed=1, today=TODAY)


@pytest.fixture(scope="module")
def partnerships(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        made = {name: make(name) for name in ("Leeds", "York")}
        yield made
        remove_all_demo_data()


def within_tolerance(found: dict, published: dict) -> dict:
    """Breakdowns more than 2% (and more than one plan) away from the published figure."""
    return {
        key: (found.get(key, 0), n)
        for key, n in published.items()
        if abs(found.get(key, 0) - n) > max(1, TOLERANCE * n)
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Leeds", "York"])
def test_register_on_census_day_matches_published_figures(partnerships, name):
    targets = targets_for(name)
    published = targets.figures
    la = Organisation.objects.get(
        kind=OrganisationKind.LOCAL_AUTHORITY, la_code=targets.local_authority.code
    )
    register = ehc_caseload(la)
    assert abs(register.total - published.total) <= TOLERANCE * published.total
    assert within_tolerance(register.by_age, published.by_age) == {}
    assert within_tolerance(register.by_need, published.by_need) == {}
    assert within_tolerance(register.by_setting, published.by_setting) == {}
    assert within_tolerance(register.by_sex, published.by_sex) == {}
    assert within_tolerance(register.by_ethnicity, published.by_ethnicity) == {}
    assert sen_support_count(la) == partnerships[name].sen_support
    as_at = register_as_at(CENSUS_DATE, [la.pk])
    assert as_at.filter(pl.col("provision") == "E").height == published.total


@pytest.mark.django_db
def test_no_adults_in_primary_schools_on_census_day(partnerships):
    census = dt.date(2025, 1, 16)
    placements = Placement.objects.filter(
        current_on(census), rank=1, person__responsible_la__la_code="383"
    )
    for birth_date, phase in placements.values_list("person__birth_date", "establishment__phase"):
        age = 2024 - birth_date.year - (birth_date.month >= 9)
        if phase == "PRIMARY":
            assert age <= 10
        if phase == "FE":
            assert age >= 13


@pytest.mark.django_db
def test_partnership_has_its_partners_schools_and_sign_ins(partnerships):
    leeds = Organisation.objects.get(kind=OrganisationKind.LOCAL_AUTHORITY, la_code="383")
    partners = Organisation.objects.filter(local_authorities=leeds)
    assert set(partners.values_list("kind", flat=True)) == {
        OrganisationKind.ICB,
        OrganisationKind.FORUM,
        OrganisationKind.PROVIDER,
        OrganisationKind.SCHOOL,
    }
    schools = partners.filter(kind=OrganisationKind.SCHOOL)
    assert schools.count() == 3
    assert Establishment.objects.filter(urn__in=schools.values("urn")).count() == 3
    types = set(Establishment.objects.values_list("establishment_type", flat=True))
    assert {
        "LA_MAINSTREAM",
        "ACADEMY_MAINSTREAM",
        "LA_SPECIAL",
        "ACADEMY_SPECIAL",
        "PRU",
        "FE_COLLEGE",
        "SPECIALIST_POST16",
        "EARLY_YEARS",
        "INDEPENDENT_SPECIAL",
    } <= types
    assert Establishment.objects.filter(has_resourced_provision=True).exists()
    urns = [int(u) for u in Establishment.objects.exclude(urn="").values_list("urn", flat=True)]
    assert all(100000 <= u <= 149999 for u in urns)
    users = User.objects.filter(is_demo=True, email__endswith="@leeds.demo.opensend.test").exclude(
        password__startswith="!"
    )  # the rest of the casework team cannot sign in
    roles = {role: users.filter(role=role).count() for role in Role.values}
    assert roles == {
        "caseworker": 5,
        "send_manager": 2,
        "analyst": 2,
        "board_member": 2,
        "directory_editor": 2,
        "administrator": 1,
    }
    assert users.get(email="caseworker1@leeds.demo.opensend.test").check_password(
        "opensend-demo-2026"
    )
    assert users.get(email="senco1@leeds.demo.opensend.test").organisation in schools


@pytest.mark.django_db
def test_people_have_history_rows(partnerships):
    person = Person.objects.filter(responsible_la__la_code="816").first()
    assert person.history.count() == 1
    assert person.sen_statuses.first().history.exists()
