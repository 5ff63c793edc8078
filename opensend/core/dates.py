"""Dates in GOV.UK style ("5 January 2025") and the ages and years the returns use. Pure Python."""

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def format_date(value: dt.date | None, empty: str = "") -> str:
    if value is None:
        return empty
    return f"{value.day} {value:%B %Y}"


def format_datetime(value: dt.datetime | None, empty: str = "") -> str:
    if value is None:
        return empty
    local = value.astimezone(LONDON)
    hour = local.strftime("%I").lstrip("0")
    return f"{format_date(local.date())}, {hour}:{local:%M}{local:%p}".replace("AM", "am").replace(
        "PM", "pm"
    )


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Whole years of age on a date (a 29 February birthday counts from 1 March)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_at_start_of_academic_year(birth_date: dt.date, on: dt.date) -> int:
    """Age on 31 August before `on`: the age DfE statistics and the school census use."""
    year = on.year if (on.month, on.day) > (8, 31) else on.year - 1
    return age_on(birth_date, dt.date(year, 8, 31))


def academic_year_of(on: dt.date) -> int:
    """The academic year (1 September to 31 August) containing `on`, named by its first year."""
    return on.year if on.month >= 9 else on.year - 1


# Census dates DfE set other than on the third Thursday of January.
_SEN2_REFERENCE_DATE_EXCEPTIONS = {2021: dt.date(2021, 1, 14)}


def sen2_reference_date(year: int) -> dt.date:
    """The SEN2 census (reference) date of a collection year: the third Thursday of January
    (16 January 2025, 15 January 2026), except where DfE chose another day (14 January 2021)."""
    if year in _SEN2_REFERENCE_DATE_EXCEPTIONS:
        return _SEN2_REFERENCE_DATE_EXCEPTIONS[year]
    first = dt.date(year, 1, 1)
    first_thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + dt.timedelta(weeks=2)


def latest_sen2_reference_date(today: dt.date) -> dt.date:
    """The most recent SEN2 census date on or before `today`."""
    this_year = sen2_reference_date(today.year)
    return this_year if this_year <= today else sen2_reference_date(today.year - 1)
