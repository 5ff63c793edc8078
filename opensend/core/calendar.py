"""OpenSEND's one calendar: bank holidays in England and Wales, and working days. Pure Python.

Within the years GOV.UK has published (govuk-bank-holidays' cached copy of the GOV.UK feed:
2012 to 2028 in release 0.19, with every one-off proclaimed holiday), those dates are used. For
any other year the statutory pattern is computed (Banking and Financial Dealings Act 1971 Sch 1:
New Year's Day, Good Friday, Easter Monday, the first and last Mondays in May, the last Monday in
August, Christmas Day and Boxing Day, with weekend substitutes); one-off proclamations outside
the published years cannot be known. Nothing is fetched over the network.
"""

import datetime as dt
from calendar import monthrange
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays

ENGLAND_AND_WALES = BankHolidays.ENGLAND_AND_WALES


@cache
def _published() -> dict[int, frozenset[dt.date]]:
    holidays = BankHolidays(use_cached_holidays=True).get_holidays(division=ENGLAND_AND_WALES)
    by_year: dict[int, set[dt.date]] = {}
    for holiday in holidays:
        by_year.setdefault(holiday["date"].year, set()).add(holiday["date"])
    return {year: frozenset(days) for year, days in by_year.items()}


def published_years() -> range:
    years = _published()
    return range(min(years), max(years) + 1)


def easter_sunday(year: int) -> dt.date:
    """Easter Day in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * j) // 433
    month = (h + j - 7 * m + 90) // 25
    return dt.date(year, month, (h + j - 7 * m + 33 * month + 19) % 32)


def _with_substitutes(days: list[dt.date]) -> set[dt.date]:
    # A fixed holiday on a weekend moves to the next weekday not already a holiday.
    held = {day for day in days if day.weekday() < 5}
    for day in days:
        if day.weekday() >= 5:
            substitute = day + dt.timedelta(days=1)
            while substitute.weekday() >= 5 or substitute in held:
                substitute += dt.timedelta(days=1)
            held.add(substitute)
    return held


def _monday(year: int, month: int, first: bool) -> dt.date:
    if first:
        start = dt.date(year, month, 1)
        return start + dt.timedelta(days=(7 - start.weekday()) % 7)
    end = dt.date(year, month, monthrange(year, month)[1])
    return end - dt.timedelta(days=end.weekday())


def statutory_bank_holidays(year: int) -> frozenset[dt.date]:
    """The Act's pattern for a year, without one-off proclamations."""
    easter = easter_sunday(year)
    days = {
        easter - dt.timedelta(days=2),
        easter + dt.timedelta(days=1),
        _monday(year, 5, first=True),
        _monday(year, 5, first=False),
        _monday(year, 8, first=False),
    }
    days |= _with_substitutes([dt.date(year, 1, 1)])
    days |= _with_substitutes([dt.date(year, 12, 25), dt.date(year, 12, 26)])
    return frozenset(days)


@cache
def bank_holidays(year: int) -> frozenset[dt.date]:
    """Bank holidays in England and Wales in a year: GOV.UK's dates where published."""
    published = _published()
    return published[year] if year in published else statutory_bank_holidays(year)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and day not in bank_holidays(day.year)
