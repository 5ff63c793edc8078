"""DfE's EHC plan statistics from a SEN2 return (or the database for a census date), in the
explore-education-statistics CSV layout of the 2025 release (2026 additions from the 2026
collection): one table per DfE file, Local authority rows.

    frames = frames_from_persons(return_.persons, reference_date=..., la_code="383")
    tables = compute_tables(frames, EstablishmentLookup(by_urn={...}))
    write_tables(tables, Path("out"))

Definitions, and where ours can differ from DfE's: docs/statistics.md.
"""

from __future__ import annotations

import polars as pl

from opensend.returns.sen2.frames import Sen2Frames
from opensend.returns.sen2.statistics import population
from opensend.returns.sen2.statistics.assessments import assessments_table
from opensend.returns.sen2.statistics.budgets import (
    personal_budgets,
    residential_settings,
    work_based_placements,
)
from opensend.returns.sen2.statistics.caseload import caseload_table, sen_needs_all_plans
from opensend.returns.sen2.statistics.ceased import ceased_table
from opensend.returns.sen2.statistics.ees import (
    AS_AT_JANUARY,
    CALENDAR_YEAR,
    with_geography,
    write_tables,
)
from opensend.returns.sen2.statistics.new_plans import newplans_table, sen_need_newplans
from opensend.returns.sen2.statistics.phase_transfers import phase_transfers_table
from opensend.returns.sen2.statistics.population import EstablishmentLookup
from opensend.returns.sen2.statistics.requests import requests_table
from opensend.returns.sen2.statistics.reviews import reviews_table
from opensend.returns.sen2.statistics.timeliness import timeliness_table

__all__ = ["EstablishmentLookup", "compute_tables", "measures", "write_tables"]

# Each DfE file (name without .csv) and whether it counts as at January or over the year.
TABLE_PERIODS = {
    "caseload": AS_AT_JANUARY,
    "sen_needs_all_plans": AS_AT_JANUARY,
    "newplans": CALENDAR_YEAR,
    "sen_need_newplans": CALENDAR_YEAR,
    "requests": CALENDAR_YEAR,
    "assessments": CALENDAR_YEAR,
    "timeliness_20_week": CALENDAR_YEAR,
    "ceased_plans": CALENDAR_YEAR,
    "annual_reviews": CALENDAR_YEAR,
    "personal_budgets": AS_AT_JANUARY,
    "residential_settings": AS_AT_JANUARY,
    "work_based_placements": AS_AT_JANUARY,
    "phase_transfers": CALENDAR_YEAR,
}


def measures(
    frames: Sen2Frames, establishments: EstablishmentLookup | None = None
) -> dict[str, pl.DataFrame]:
    """Each table's breakdown and measure columns (text, as written), without time and
    geography columns."""
    return _collect(lazy_tables(frames, establishments))


def compute_tables(
    frames: Sen2Frames, establishments: EstablishmentLookup | None = None
) -> dict[str, pl.DataFrame]:
    """DfE's tables for the return's LA, keyed by DfE's file name (without .csv)."""
    tables = lazy_tables(frames, establishments)
    return _collect(
        {
            name: with_geography(
                table,
                kind=TABLE_PERIODS[name],
                reference_date=frames.reference_date,
                la_code=frames.la_code,
            )
            for name, table in tables.items()
        }
    )


def lazy_tables(
    frames: Sen2Frames, establishments: EstablishmentLookup | None = None
) -> dict[str, pl.LazyFrame]:
    """Each table's query (breakdown and measure columns), on the populations (computed
    here)."""
    counted = population.populations(frames, establishments or EstablishmentLookup())
    live, census = counted.live, frames.reference_date
    return {
        "caseload": caseload_table(live),
        "sen_needs_all_plans": sen_needs_all_plans(live),
        "newplans": newplans_table(counted.new),
        "sen_need_newplans": sen_need_newplans(counted.new),
        "requests": requests_table(counted.received, frames),
        "assessments": assessments_table(counted.assessed),
        "timeliness_20_week": timeliness_table(counted.assessed, frames),
        "ceased_plans": ceased_table(counted.ceased),
        "annual_reviews": reviews_table(live, census),
        "personal_budgets": personal_budgets(live),
        "residential_settings": residential_settings(live),
        "work_based_placements": work_based_placements(live),
        "phase_transfers": phase_transfers_table(live, census),
    }


def _collect(tables: dict[str, pl.LazyFrame]) -> dict[str, pl.DataFrame]:
    """All the tables' queries, run together (in parallel)."""
    collected = pl.collect_all(tables.values(), engine=population.ENGINE)
    return dict(zip(tables, collected, strict=True))
