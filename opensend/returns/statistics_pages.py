"""DfE's EHC plan statistics for the pages and the command: from a SEN2 file or from the
records, with the establishment types the register knows (GIAS), headline figures, CSV bytes."""

import datetime as dt
import io
from pathlib import Path

import polars as pl
from django.core.cache import cache

from opensend.accounts.models import Organisation
from opensend.accounts.roles import OrganisationKind
from opensend.people.models import Establishment
from opensend.returns.sen2 import statistics
from opensend.returns.sen2.db_frames import frames_from_database
from opensend.returns.sen2.frames import frames_from_persons
from opensend.returns.sen2.reader import open_return
from opensend.returns.sen2.statistics.ees import write_tables
from opensend.returns.sen2.statistics.population import EstablishmentLookup

CACHE_SECONDS = 600


class StatisticsRefused(Exception):
    """The tables cannot be computed; the message says why."""


def establishment_lookup() -> EstablishmentLookup:
    """Establishment types by URN and UKPRN, from the register's establishments (GIAS)."""
    rows = Establishment.objects.values_list("urn", "ukprn", "establishment_type")
    by_urn = {urn: kind for urn, _ukprn, kind in rows if urn}
    by_ukprn = {ukprn: kind for _urn, ukprn, kind in rows if ukprn}
    return EstablishmentLookup(by_urn=by_urn, by_ukprn=by_ukprn)


def tables_from_file(path: Path) -> dict[str, pl.DataFrame]:
    """The tables from a SEN2 file alone (establishment types from the register when known)."""
    from opensend.returns.sen2.reader import UnreadableReturn

    try:
        opened = open_return(path, name=path.name)
        reference_date = dt.date.fromisoformat(opened.header.reference_date)
        frames = frames_from_persons(
            (person for person, _problems in opened.persons),
            reference_date=reference_date,
            la_code=opened.header.lea,
        )
    except UnreadableReturn as unreadable:
        raise StatisticsRefused(str(unreadable)) from None
    except ValueError:
        raise StatisticsRefused(
            f"{path.name}: the header's <ReferenceDate> is not a date; check the file with "
            "`opensend sen2 validate` and fix it first"
        ) from None
    return statistics.compute_tables(frames, establishment_lookup())


def tables_from_database(la_code: str | None, reference_date: dt.date) -> dict[str, pl.DataFrame]:
    """The tables from the records for a census date: one LA's, or every LA's one after another
    (stacked, each with its own geography) when `la_code` is None."""
    authorities = Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY)
    if la_code:
        authorities = authorities.filter(la_code=la_code)
        if not authorities.exists():
            raise StatisticsRefused(f"There is no local authority with the DfE number {la_code}")
    lookup = establishment_lookup()
    per_la = [
        statistics.compute_tables(frames_from_database(la, reference_date), lookup)
        for la in authorities.order_by("la_code")
    ]
    if not per_la:
        raise StatisticsRefused("There are no local authorities in the records")
    return {name: pl.concat([tables[name] for tables in per_la]) for name in per_la[0]}


def tables_for(la, reference_date: dt.date) -> dict[str, pl.DataFrame]:
    """One LA's tables for a census date, cached for ten minutes."""
    key = f"sen2-statistics:{la.pk}:{reference_date.isoformat()}"
    tables = cache.get(key)
    if tables is None:
        tables = statistics.compute_tables(
            frames_from_database(la, reference_date), establishment_lookup()
        )
        cache.set(key, tables, CACHE_SECONDS)
    return tables


def _all_row(table: pl.DataFrame) -> dict:
    """The table's first "all" row (DfE repeats the topic as the breakdown there)."""
    rows = table.filter(pl.col("breakdown_topic") == pl.col("breakdown"))
    return rows.row(0, named=True) if not rows.is_empty() else {}


# (table, the measure's column names in the 2025 and 2026 layouts, what it is)
HEADLINES = [
    ("caseload", ("ehcplans",), "EHC plans on the census date"),
    ("newplans", ("new_ehc_plans",), "New EHC plans in the calendar year"),
    ("requests", ("requests_received_in_year",), "Requests for an assessment received"),
    (
        "requests",
        ("request_outcome_six_weeks_pc",),
        "Decisions whether to assess made within 6 weeks (%)",
    ),
    ("timeliness_20_week", ("plans_issued_den_ex",), "Plans issued, excluding exceptions"),
    (
        "timeliness_20_week",
        ("PC_plans_issued_20_weeks_ex", "pc_plans_issued_20_weeks_ex"),
        "Plans issued within 20 weeks, excluding exceptions (%)",
    ),
    ("ceased_plans", ("total_ceased",), "Plans ceased in the calendar year"),
]


def headline(tables: dict[str, pl.DataFrame]) -> list[tuple[str, str]]:
    """The figures a SEND manager looks at first, from each table's "all" row."""
    figures = []
    for table_name, columns, label in HEADLINES:
        row = _all_row(tables[table_name]) if table_name in tables else {}
        value = next((row[c] for c in columns if c in row), None)
        if value is not None:
            figures.append((label, str(value)))
    return figures


def csv_bytes(table: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table.write_csv(buffer)
    return buffer.getvalue()


def write(tables: dict[str, pl.DataFrame], directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return write_tables(tables, directory)
