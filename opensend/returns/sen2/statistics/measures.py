"""Measure columns shared by several tables: counts by type of setting (caseload, new plans)
and by primary need (all plans, new plans), with their totals and percentages.

The expressions depend only on the name of the table's total, so each is built once."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import polars as pl

from opensend.returns.sen2.settings_lookup import GROUP_TOTALS, SETTING_COLUMNS, SETTING_TYPES
from opensend.returns.sen2.statistics.ees import count, percent, tenths

# Primary need codes in DfE's column order; DS is counted in "other" in the 2025 release.
NEED_COLUMNS = ["asd", "hi", "mld", "msi", "oth", "pd", "pmld", "semh", "slcn", "sld", "spld", "vi"]
NEED_OF_CODE = {code.lower(): code.lower() for code in NEED_COLUMNS} | {"ds": "oth"}
PRE_2023_COLUMNS = ["await_prov_2022", "perm_ex_2022"]


@cache
def setting_counts(total: str) -> Mapping[str, pl.Expr]:
    """Aggregations: `total` plans and plans in each type of setting."""
    return {
        total: pl.len(),
        **{column: (pl.col("setting") == column).sum() for column in SETTING_COLUMNS},
    }


@cache
def setting_columns(total: str) -> tuple[pl.Expr, ...]:
    """The setting measures in DfE's column order: each group's columns, its total and the
    total's percentage of `total`; then the pre-2023 columns ('x')."""
    totals = {t.group: t for t in GROUP_TOTALS}
    exprs: list[pl.Expr] = [count(total)]
    for index, setting in enumerate(SETTING_TYPES):
        exprs.append(count(setting.column))
        following = SETTING_TYPES[index + 1].group if index + 1 < len(SETTING_TYPES) else ""
        if following == setting.group:
            continue
        group = totals[setting.group]
        members = [s.column for s in SETTING_TYPES if s.group == setting.group]
        summed = pl.sum_horizontal(members)
        if group.column:
            exprs.append(summed.cast(pl.String).alias(group.column))
        exprs.append(_percent_of(summed, total).alias(group.pc_column))
    exprs.extend(pl.lit("x").alias(column) for column in PRE_2023_COLUMNS)
    return tuple(exprs)


NEED = (
    pl.col("primary_need")
    .str.to_lowercase()
    .replace_strict(NEED_OF_CODE, default=None, return_dtype=pl.Enum(NEED_COLUMNS))
    .alias("need")
)


def with_need(plans: pl.LazyFrame) -> pl.LazyFrame:
    """Plans with `need`: the primary need's column code (null if not recorded)."""
    return plans.with_columns(NEED)


@cache
def need_counts(total: str) -> Mapping[str, pl.Expr]:
    """Aggregations over plans `with_need`: `total` plans and plans with each primary need."""
    need = pl.col("need")
    return {
        total: pl.len(),
        **{f"number_{code}": (need == code).sum() for code in NEED_COLUMNS},
        "number_need_unknown": need.is_null().sum(),
    }


@cache
def need_columns(total: str) -> tuple[pl.Expr, ...]:
    """The need measures in DfE's column order: counts, then percentages of `total`."""
    numbers = [f"number_{code}" for code in [*NEED_COLUMNS, "need_unknown"]]
    labels = [*NEED_COLUMNS, "unknown"]
    return (
        count(total),
        *[count(number) for number in numbers],
        *[
            percent(number, total).alias(f"{label}_pc")
            for number, label in zip(numbers, labels, strict=True)
        ],
    )


def _percent_of(numerator: pl.Expr, total: str) -> pl.Expr:
    return tenths(numerator.cast(pl.Int64) * 100, pl.col(total).cast(pl.Int64))
