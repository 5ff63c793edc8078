"""The explore-education-statistics (EES) CSV layout: time period, geography, number formats.

Every file DfE publishes starts with the same ten columns (`GEOGRAPHY_COLUMNS`), then
`breakdown_topic` and `breakdown`, then the measures. One LA's return gives Local authority
rows only: National and Regional rows add up every LA's return.

Numbers are written as DfE writes them: counts as integers, percentages to one decimal place
with a trailing ".0" dropped ("72.3", "10", "0"), `x` where a percentage has no denominator
(unavailable) and `z` where a measure does not apply. Percentages round half up (exact integer
arithmetic, so the pandas reference and this module cannot differ by a float's last bit).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import polars as pl

LOCAL_AUTHORITIES = Path(__file__).resolve().parents[4] / "data/reference/local_authorities.csv"

REGION_CODES = {
    "North East": "E12000001",
    "North West": "E12000002",
    "Yorkshire and The Humber": "E12000003",
    "East Midlands": "E12000004",
    "West Midlands": "E12000005",
    "East of England": "E12000006",
    "London": "E12000007",
    "South East": "E12000008",
    "South West": "E12000009",
}
GEOGRAPHY_COLUMNS = [
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
]
AS_AT_JANUARY = "as at January"
CALENDAR_YEAR = "calendar year"

# Columns DfE's files repeat (annual_reviews.csv has review_meeting_prior_24 twice).
REPEATED_COLUMNS: dict[str, set[str]] = {"annual_reviews": {"review_meeting_prior_"}}


class UnknownLocalAuthority(ValueError):
    """The LA number is not in the bundled list of local authorities."""


@cache
def _local_authorities() -> dict[str, dict[str, str]]:
    with LOCAL_AUTHORITIES.open(newline="", encoding="utf-8") as handle:
        return {row["la_code"]: row for row in csv.DictReader(handle)}


def geography(la_code: str) -> dict[str, str]:
    """The geography columns of an LA's rows, from data/reference/local_authorities.csv."""
    row = _local_authorities().get(la_code)
    if row is None:
        raise UnknownLocalAuthority(
            f"LA number '{la_code}' (the return's <LEA>) is not in {LOCAL_AUTHORITIES.name}; "
            "use the LA's 3-digit DfE number, e.g. 383 for Leeds"
        )
    return {
        "geographic_level": "Local authority",
        "country_code": "E92000001",
        "country_name": "England",
        "region_code": REGION_CODES.get(row["region"], ""),
        "region_name": row["region"],
        "new_la_code": row["ons_code"],
        "old_la_code": la_code,
        "la_name": row["name"],
    }


def time_period(kind: str, reference_date: dt.date) -> tuple[str, str]:
    """DfE's (time_period, time_identifier): '202425' for a January 2025 census, '2024' for the
    calendar year before it."""
    year = reference_date.year
    if kind == AS_AT_JANUARY:
        return f"{year - 1}{year % 100:02d}", "Academic year"
    return str(year - 1), "Calendar year"


def with_geography(
    table: pl.LazyFrame, *, kind: str, reference_date: dt.date, la_code: str
) -> pl.LazyFrame:
    """The table with the EES time and geography columns in front."""
    return table.select(*_geography_columns(kind, reference_date, la_code), pl.all())


@cache
def _geography_columns(kind: str, reference_date: dt.date, la_code: str) -> tuple[pl.Expr, ...]:
    """The time and geography columns of a table, as literals (built once for each)."""
    period, identifier = time_period(kind, reference_date)
    values = {"time_period": period, "time_identifier": identifier, **geography(la_code)}
    return tuple(pl.lit(values[name], dtype=pl.String).alias(name) for name in GEOGRAPHY_COLUMNS)


def count(column: str) -> pl.Expr:
    """A count as DfE writes it."""
    return pl.col(column).cast(pl.String)


def percent(numerator: str, denominator: str | pl.Expr) -> pl.Expr:
    """100 * numerator / denominator to one decimal place, half up; 'x' without a denominator."""
    num = pl.col(numerator).cast(pl.Int64)
    den = (pl.col(denominator) if isinstance(denominator, str) else denominator).cast(pl.Int64)
    return tenths(num * 100, den).alias(numerator)


def tenths(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    """numerator / denominator to one decimal place, half up, as text ('x' if denominator 0)."""
    scaled = (numerator * 20 + denominator) // (denominator * 2)  # tenths, rounded half up
    text = pl.format("{}.{}", scaled // 10, scaled % 10).str.strip_suffix(".0")
    return pl.when(denominator > 0).then(text).otherwise(pl.lit("x"))


def write_tables(tables: Mapping[str, pl.DataFrame], directory: Path) -> list[Path]:
    """One CSV per table, named as DfE names its files (`caseload.csv`, ...)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables.items():
        path = directory / f"{name}.csv"
        header = _header(name, table.columns)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            positions = [table.columns.index(column) for column in header]
            for row in table.iter_rows():
                writer.writerow(["" if row[i] is None else row[i] for i in positions])
        paths.append(path)
    return paths


def _header(name: str, columns: list[str]) -> list[str]:
    repeated = REPEATED_COLUMNS.get(name, set())
    header: list[str] = []
    for column in columns:
        header.append(column)
        if any(column.startswith(prefix) for prefix in repeated):
            header.append(column)
    return header
