"""Breakdowns as DfE publishes them: topics, their labels and their order, and counting a
population by each topic in one pass per topic.

A population is a DataFrame with one row per counted thing (a plan, a request) and one column of
labels per topic. `count_by_topic` groups it by each topic's label column(s) and stacks the
results under `breakdown_topic` and `breakdown`, in DfE's order of topics and labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from opensend.core.codelists import ETHNICITY_GROUPS, ETHNICITY_MAIN_CODE, ethnicity_group
from opensend.returns.sen2.settings_lookup import GROUP_TOTALS, SETTING_TYPES

SEX_LABELS = {"M": "Male", "F": "Female"}
SEX_ORDER = ("Female", "Male", "Unknown")
ETHNICITY_ORDER = tuple(dict.fromkeys(ETHNICITY_GROUPS.values()))
ETHNICITY_LABELS = {code: ethnicity_group(code) for code in ETHNICITY_MAIN_CODE}


@dataclass(frozen=True)
class Topic:
    """A `breakdown_topic`: label columns of the population (rows of each are stacked; none for
    the one "all" row, labelled with the topic's name) and the order of its labels."""

    name: str
    columns: tuple[str, ...] = ()
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgeBands:
    """Ages as one table labels them: `low_label` at or under `low`, `high_label` at or over
    `high`, `pattern` (with {}) between, `unknown` without a birth date."""

    low: int
    low_label: str
    high: int
    high_label: str
    pattern: str
    unknown: str
    singular: str = ""  # the label of low + 1 where the pattern's plural does not fit ("1 year")

    @property
    def order(self) -> tuple[str, ...]:
        middle = [self.python_label(age) for age in range(self.low + 1, self.high)]
        return (self.low_label, *middle, self.high_label, self.unknown)

    def label(self, age: pl.Expr) -> pl.Expr:
        prefix, _, suffix = self.pattern.partition("{}")
        return (
            pl.when(age.is_null())
            .then(pl.lit(self.unknown))
            .when(age <= self.low)
            .then(pl.lit(self.low_label))
            .when(age >= self.high)
            .then(pl.lit(self.high_label))
            .when(age == self.low + 1)
            .then(pl.lit(self.singular or self.pattern.format(self.low + 1)))
            .otherwise(pl.lit(prefix) + age.cast(pl.String) + pl.lit(suffix))
        )

    def python_label(self, age: int | None) -> str:
        """The same label in plain Python (for the pandas reference and tests)."""
        if age is None:
            return self.unknown
        if age <= self.low:
            return self.low_label
        if age >= self.high:
            return self.high_label
        if age == self.low + 1 and self.singular:
            return self.singular
        return self.pattern.format(age)


def age_on(birth: pl.Expr, on: pl.Expr | dt.date) -> pl.Expr:
    """Whole years from `birth` to `on` (null if either is null)."""
    day = on if isinstance(on, pl.Expr) else pl.lit(on, dtype=pl.Date)
    before_birthday = (day.dt.month().cast(pl.Int32) * 100 + day.dt.day()) < (
        birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day()
    )
    return day.dt.year() - birth.dt.year() - before_birthday.cast(pl.Int32)


def august_before(reference_date: dt.date) -> dt.date:
    """31 August before the census: ages in as-at-January tables are ages on this day."""
    return dt.date(reference_date.year - 1, 8, 31)


def sex_label(sex: pl.Expr) -> pl.Expr:
    return sex.replace_strict(SEX_LABELS, default="Unknown", return_dtype=pl.String)


def ethnicity_label(ethnicity: pl.Expr) -> pl.Expr:
    return ethnicity.replace_strict(
        ETHNICITY_LABELS, default="Unclassified", return_dtype=pl.String
    )


def placement_order(special_label: str = "") -> tuple[str, ...]:
    """Type of placement labels in DfE's order, each group followed by its total."""
    totals = {total.group: total.label for total in GROUP_TOTALS if total.label}
    order: list[str] = []
    for index, setting in enumerate(SETTING_TYPES):
        label = special_label if special_label and setting.column == "special_academy_free" else ""
        order.append(label or setting.label)
        following = SETTING_TYPES[index + 1].group if index + 1 < len(SETTING_TYPES) else ""
        if following != setting.group and setting.group in totals:
            order.append(totals[setting.group])
    return tuple(dict.fromkeys(order))


def count_by_topic(
    population: pl.DataFrame, topics: Sequence[Topic], measures: Mapping[str, pl.Expr]
) -> pl.DataFrame:
    """Measures (aggregations) per label of each topic, stacked in DfE's order.

    Labels that no row has are left out, as in DfE's files; the "all" row is always there.
    """
    lazy = population.lazy()
    aggregations = [expr.cast(pl.Int64).alias(name) for name, expr in measures.items()]
    parts: list[pl.LazyFrame] = []
    for rank, topic in enumerate(topics):
        keys = pl.lit(topic.name).alias("breakdown_topic"), pl.lit(rank).alias("_topic")
        order = {label: position for position, label in enumerate(topic.order)}
        if not topic.columns:
            parts.append(
                lazy.select(*aggregations).select(
                    *keys,
                    pl.lit(topic.name).alias("breakdown"),
                    pl.lit(0).alias("_order"),
                    pl.all(),
                )
            )
        for column in topic.columns:
            grouped = lazy.filter(pl.col(column).is_not_null()).group_by(column).agg(aggregations)
            parts.append(
                grouped.select(
                    *keys,
                    pl.col(column).cast(pl.String).alias("breakdown"),
                    pl.col(column)
                    .cast(pl.String)
                    .replace_strict(order, default=len(order), return_dtype=pl.Int64)
                    .alias("_order"),
                    *measures,
                )
            )
    frames = pl.collect_all(parts)
    stacked = pl.concat([frame.cast({"_topic": pl.Int64, "_order": pl.Int64}) for frame in frames])
    return stacked.sort("_topic", "_order", "breakdown").drop("_topic", "_order")
