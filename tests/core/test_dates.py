import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
