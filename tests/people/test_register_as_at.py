import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.core.dates import age_at_start_of_academic_year
from opensend.people.register import register_as_at
from tests.factories import (
    CircumstanceFactory,
    EstablishmentFactory,
    NeedFactory,
    PersonFactory,
    PlacementFactory,
    SenStatusFactory,
)

pytestmark = pytest.mark.django_db


def test_register_is_rebuilt_as_it_was_on_past_dates(local_authority):
    person = PersonFactory(responsible_la=local_authority, birth_date=dt.date(2012, 9, 1))
    SenStatusFactory(
        person=person, provision="K", start_date=dt.date(2018, 1, 1), end_date=dt.date(2020, 3, 31)
    )
    SenStatusFactory(person=person, provision="E", start_date=dt.date(2020, 4, 1))
    NeedFactory(
        person=person,
        need_type="SLCN",
        start_date=dt.date(2018, 1, 1),
        end_date=dt.date(2021, 12, 31),
    )
    NeedFactory(person=person, need_type="ASD", start_date=dt.date(2022, 1, 1))
    NeedFactory(person=person, need_type="SEMH", rank=2, start_date=dt.date(2022, 1, 1))
    primary = EstablishmentFactory(phase="PRIMARY")
    special = EstablishmentFactory(phase="SPECIAL", establishment_type="LA_SPECIAL")
    PlacementFactory(
        person=person,
        establishment=primary,
        start_date=dt.date(2016, 9, 1),
        end_date=dt.date(2023, 7, 21),
    )
    PlacementFactory(person=person, establishment=special, start_date=dt.date(2023, 9, 1))
    CircumstanceFactory(
        person=person, kind="FSM", start_date=dt.date(2019, 1, 1), end_date=dt.date(2019, 12, 31)
    )
    PersonFactory(responsible_la=local_authority)  # no SEN status: not on the SEN register

    def row(on):
        frame = register_as_at(on)
        return frame.row(0, named=True) if frame.height else None

    assert row(dt.date(2017, 1, 1)) is None
    in_2019 = row(dt.date(2019, 6, 1))
    assert (in_2019["provision"], in_2019["primary_need"], in_2019["phase"], in_2019["FSM"]) == (
        "K",
        "SLCN",
        "PRIMARY",
        True,
    )
    in_2025 = row(dt.date(2025, 1, 16))
    assert (
        in_2025["provision"],
        in_2025["primary_need"],
        in_2025["secondary_need"],
        in_2025["establishment_type"],
        in_2025["FSM"],
    ) == ("E", "ASD", "SEMH", "LA_SPECIAL", False)
    assert in_2025["age"] == 11


def test_limit_to_local_authorities(local_authority, other_local_authority):
    SenStatusFactory(person__responsible_la=local_authority)
    SenStatusFactory(person__responsible_la=other_local_authority)
    assert register_as_at(dt.date(2025, 1, 16), la_ids=[local_authority.pk]).height == 1
    assert register_as_at(dt.date(2025, 1, 16)).height == 2


@given(birth=st.dates(dt.date(1995, 1, 1), dt.date(2024, 1, 1)))
def test_polars_age_matches_the_python_age(birth):
    import polars as pl

    from opensend.people.register import _age_on

    on = dt.date(2025, 1, 16)
    computed = pl.DataFrame({"b": [birth]}).select(_age_on(pl.col("b"), dt.date(2024, 8, 31)))
    assert computed.item() == age_at_start_of_academic_year(birth, on)
