import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from opensend.core.calendar import (
    bank_holidays,
    easter_sunday,
    is_working_day,
    published_years,
    statutory_bank_holidays,
)

D = dt.date
# Years with one-off proclaimed holidays (jubilees, weddings, VE day, the State Funeral, the
# Coronation), when GOV.UK's dates differ from the Act's pattern.
PROCLAIMED = {2012, 2020, 2022, 2023}


def test_published_dates_include_proclaimed_holidays():
    assert bank_holidays(2022) == {
        D(2022, 1, 3),
        D(2022, 4, 15),
        D(2022, 4, 18),
        D(2022, 5, 2),
        D(2022, 6, 2),
        D(2022, 6, 3),
        D(2022, 8, 29),
        D(2022, 9, 19),
        D(2022, 12, 26),
        D(2022, 12, 27),
    }
    assert bank_holidays(2026) == {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    }
    assert {D(2021, 12, 27), D(2021, 12, 28)} <= bank_holidays(2021)


def test_the_statutory_pattern_matches_gov_uk_in_ordinary_years():
    for year in published_years():
        if year not in PROCLAIMED:
            assert statutory_bank_holidays(year) == bank_holidays(year), year


def test_years_outside_the_published_ones_use_the_statutory_pattern():
    later = published_years().stop + 5
    assert bank_holidays(later) == statutory_bank_holidays(later)


def test_working_days():
    assert not is_working_day(D(2025, 4, 18))  # Good Friday
    assert not is_working_day(D(2025, 4, 19))  # Saturday
    assert is_working_day(D(2025, 4, 22))


@given(st.integers(1950, 2200))
def test_eight_weekday_holidays_in_an_ordinary_year(year):
    holidays = statutory_bank_holidays(year)
    assert len(holidays) == 8
    assert all(day.weekday() < 5 and day.year == year for day in holidays)


@given(st.integers(1900, 2400))
def test_easter_is_a_sunday_between_22_march_and_25_april(year):
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert D(year, 3, 22) <= easter <= D(year, 4, 25)
