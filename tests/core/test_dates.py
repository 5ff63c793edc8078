import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.core import dates as core_dates
from opensend.core.dates import (
    academic_year_of,
    age_at_start_of_academic_year,
    age_on,
    format_date,
)
from opensend.people.queries import birth_date_bounds
from opensend.people.validation import collection_year_of

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (dt.date(2012, 3, 27), dt.date(2024, 3, 26), 11),
        (dt.date(2012, 3, 27), dt.date(2024, 3, 27), 12),
        (dt.date(2012, 2, 29), dt.date(2024, 2, 28), 11),
        (dt.date(2012, 2, 29), dt.date(2023, 3, 1), 11),
        (dt.date(2012, 2, 29), dt.date(2023, 2, 28), 10),
        (dt.date(2011, 12, 31), dt.date(2012, 1, 1), 0),
    ],
)
def test_age_on_hand_checked(birth, on, age):
    assert age_on(birth, on) == age


def test_age_for_statistics_is_taken_on_31_august():
    # A census in January 2025 uses age on 31 August 2024.
    assert age_at_start_of_academic_year(dt.date(2014, 9, 1), dt.date(2025, 1, 16)) == 9
    assert age_at_start_of_academic_year(dt.date(2014, 8, 31), dt.date(2025, 1, 16)) == 10


@given(dates, dates)
def test_age_never_negative_after_birth_and_grows_by_one_a_year(birth, on):
    if on < birth:
        return
    age = age_on(birth, on)
    assert age >= 0
    try:
        next_birthday = birth.replace(year=birth.year + age + 1)
    except ValueError:
        next_birthday = dt.date(birth.year + age + 1, 3, 1)
    assert on < next_birthday


@given(dates)
def test_academic_year_contains_the_date(on):
    year = academic_year_of(on)
    assert dt.date(year, 9, 1) <= on <= dt.date(year + 1, 8, 31)
    assert collection_year_of(on) == year + 1


@given(dates, st.integers(0, 25), st.integers(0, 25))
def test_birth_date_bounds_match_ages(on, low, high):
    earliest, latest = birth_date_bounds(low, high, on)
    if low <= high:
        assert age_on(latest, on) == low
        assert age_on(earliest, on) == high
        assert age_on(earliest - dt.timedelta(days=1), on) == high + 1


def test_format_date_is_gov_uk_style():
    assert format_date(dt.date(2025, 1, 5)) == "5 January 2025"
    assert format_date(None, "now") == "now"


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2015, dt.date(2015, 1, 15)),
        (2016, dt.date(2016, 1, 21)),
        (2020, dt.date(2020, 1, 16)),
        (2021, dt.date(2021, 1, 14)),
        (2022, dt.date(2022, 1, 20)),
        (2023, dt.date(2023, 1, 19)),
        (2024, dt.date(2024, 1, 18)),
        (2025, dt.date(2025, 1, 16)),
        (2026, dt.date(2026, 1, 15)),
        (2027, dt.date(2027, 1, 21)),
    ],
)
def test_sen2_reference_dates_are_dfes(year, expected):
    assert core_dates.sen2_reference_date(year) == expected


@given(st.integers(min_value=2000, max_value=2100).filter(lambda y: y != 2021))
def test_sen2_reference_date_is_the_third_thursday_of_january(year):
    day = core_dates.sen2_reference_date(year)
    assert day.month == 1
    assert day.weekday() == 3
    assert 15 <= day.day <= 21


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_latest_sen2_reference_date_is_on_or_before_the_day(today):
    latest = core_dates.latest_sen2_reference_date(today)
    assert latest <= today
    assert core_dates.sen2_reference_date(latest.year + 1) > today
