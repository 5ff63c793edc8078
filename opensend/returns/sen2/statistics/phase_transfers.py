"""Phase transfers of the plans live on the census date (`phase_transfers.csv`, 2026 release):
plans, and how many have a phase transfer due (`PhaseTransferDueDate`) or a final amended
plan (`PhaseTransferFinalDate`) in the calendar year and the census year. No breakdowns."""

from __future__ import annotations

import datetime as dt

import polars as pl

from opensend.returns.sen2.statistics.ees import count


def phase_transfers_table(plans: pl.LazyFrame, reference_date: dt.date) -> pl.LazyFrame:
    """`phase_transfers.csv` from the plans live on the census date."""
    year = reference_date.year - 1
    measures = {"number_plans": pl.len()}
    for kind, column in (
        ("due", "phase_transfer_due_date"),
        ("final", "phase_transfer_final_date"),
    ):
        for in_year in (year, year + 1):
            measures[f"{kind}_{in_year % 100:02d}"] = (pl.col(column).dt.year() == in_year).sum()
    counts = plans.select(*[expr.cast(pl.Int64).alias(name) for name, expr in measures.items()])
    return counts.select(*[count(name) for name in measures])
